package fr.anef.renewal.benchmark;

import fr.anef.renewal.pdf.PdfRenderer;
import java.lang.reflect.Field;

/**
 * The PDF figures alone, without starting the application (before/after a change of the renderer):
 * run its main. Prints the receipt's figure, then the « NOTICE EXPLICATIVE » rendered (its cache
 * emptied before each call) against served from the cache.
 */
public final class PdfAlone {

  private PdfAlone() {}

  public static void main(String[] args) throws Exception {
    PdfRenderer renderer = new PdfRenderer();
    for (int round = 0; round < 6; round++) {
      System.out.print(Benchmark.pdfAlone(renderer));
    }
    Field cache = PdfRenderer.class.getDeclaredField("explanatoryNotice");
    cache.setAccessible(true);
    for (int round = 0; round < 3; round++) {
      long rendered = 0;
      long cached = 0;
      for (int i = 0; i < 50; i++) {
        cache.set(renderer, null);
        long start = System.nanoTime();
        renderer.explanatoryNotice();
        rendered += System.nanoTime() - start;
        start = System.nanoTime();
        renderer.explanatoryNotice();
        cached += System.nanoTime() - start;
      }
      System.out.printf(
          "  notice explicative : rendue %.1f ms, servie du cache %.3f ms (moyennes sur 50) — charge : %s%n",
          rendered / 1e6 / 50, cached / 1e6 / 50, Benchmark.loadAverage());
    }
  }
}
