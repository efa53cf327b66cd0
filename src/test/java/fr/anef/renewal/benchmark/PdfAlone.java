package fr.anef.renewal.benchmark;

import fr.anef.renewal.pdf.PdfRenderer;

/** The PDF figure alone, without starting the application: {@code bench/run pdf}. */
public final class PdfAlone {

  private PdfAlone() {}

  public static void main(String[] args) {
    PdfRenderer renderer = new PdfRenderer();
    for (int round = 0; round < 6; round++) {
      System.out.print(Benchmark.pdfAlone(renderer));
    }
  }
}
