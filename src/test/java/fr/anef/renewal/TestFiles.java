package fr.anef.renewal;

import fr.anef.renewal.documents.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Real files for upload tests, made on the fly. */
public final class TestFiles {

  private TestFiles() {}

  /** A real 8×8 image in the given ImageIO format: "png", "jpg", "bmp", "tiff". */
  public static byte[] image(String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
          format,
          out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png() {
    return image("png");
  }

  /** A valid one-page PDF made by PDFBox. */
  public static byte[] pdf() {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The start of a Windows executable (« MZ » header). */
  public static byte[] exe() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[2] = (byte) 0x90;
    return bytes;
  }

  /**
   * A PDF padded to exactly {@code size} bytes (magic number first, so it is recognised as PDF).
   */
  public static byte[] pdfOfSize(int size) {
    byte[] head = "%PDF-1.4\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] bytes = Arrays.copyOf(head, size);
    Arrays.fill(bytes, head.length, size, (byte) ' ');
    return bytes;
  }

  public static UploadedFile file(String name, byte[] bytes) {
    return new UploadedFile(name, bytes);
  }
}
