package fr.anef.renewal.benchmark;

import fr.anef.renewal.documents.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Realistic uploads made once before the clock starts: real PNG, JPEG and PDF files (a scanned
 * page: a JPEG in a PDF) of 100 Ko to 2 Mo, with noisy pixels so that they do not compress away.
 */
final class SampleFiles {

  static final int MIN_BYTES = 100 * 1024;
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final List<UploadedFile> pool = new ArrayList<>();

  SampleFiles(int count, long seed) {
    Random random = new Random(seed);
    String[] formats = {"png", "jpg", "pdf"};
    for (int i = 0; i < count; i++) {
      int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES);
      String format = formats[i % formats.length];
      byte[] bytes = make(format, target, random);
      pool.add(new UploadedFile("piece-" + i + "." + format, bytes));
    }
  }

  UploadedFile pick(Random random) {
    return pool.get(random.nextInt(pool.size()));
  }

  long averageBytes() {
    return (long) pool.stream().mapToInt(f -> f.bytes().length).average().orElse(0);
  }

  int minBytes() {
    return pool.stream().mapToInt(f -> f.bytes().length).min().orElse(0);
  }

  int maxBytes() {
    return pool.stream().mapToInt(f -> f.bytes().length).max().orElse(0);
  }

  /** A file of this format close to the target size (within the 100 Ko – 2 Mo range). */
  static byte[] make(String format, int target, Random random) {
    double bytesPerPixel =
        switch (format) {
          case "png" -> 3.05;
          default -> 1.6;
        };
    byte[] bytes = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      int side = Math.max(64, (int) Math.sqrt(target / bytesPerPixel));
      bytes = render(format, side, random);
      double ratio = (double) bytes.length / target;
      if (bytes.length >= MIN_BYTES && bytes.length <= MAX_BYTES && Math.abs(ratio - 1) < 0.15) {
        return bytes;
      }
      bytesPerPixel *= ratio;
    }
    return bytes;
  }

  private static byte[] render(String format, int side, Random random) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        // A light page with noisy "ink": neither blank nor pure noise.
        int base = (x / 16 + y / 24) % 7 == 0 ? 40 : 215;
        int noise = random.nextInt(40);
        int v = Math.min(255, base + noise);
        row[x] = (v << 16) | ((v - random.nextInt(8) & 0xff) << 8) | (v - random.nextInt(8) & 0xff);
      }
      image.setRGB(0, y, side, 1, row, 0, side);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (format.equals("png")) {
        ImageIO.write(image, "png", out);
        return out.toByteArray();
      }
      byte[] jpeg = jpeg(image);
      if (format.equals("jpg")) {
        return jpeg;
      }
      try (PDDocument document = new PDDocument()) {
        PDPage page = new PDPage();
        document.addPage(page);
        PDImageXObject scan = JPEGFactory.createFromByteArray(document, jpeg);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(
              scan,
              20,
              20,
              page.getMediaBox().getWidth() - 40,
              page.getMediaBox().getHeight() - 40);
        }
        document.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        var stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
      writer.dispose();
      stream.flush();
      return out.toByteArray();
    }
  }
}
