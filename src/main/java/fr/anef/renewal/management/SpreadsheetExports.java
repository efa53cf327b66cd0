package fr.anef.renewal.management;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The managers' figures as files: CSV (Apache Commons CSV; « ; » and a UTF-8 byte order mark, as
 * French spreadsheets expect; dates ISO 8601) and ODS (OpenDocument 1.2 spreadsheet, one sheet per
 * table, numbers and dates typed). No ODF library is available to the build, so the ODS is the
 * minimal valid package the specification asks for (OpenDocument 1.2 part 3, § 3): the {@code
 * mimetype} entry first and stored, the manifest, {@code content.xml}.
 */
final class SpreadsheetExports {

  static final String CSV_TYPE = "text/csv;charset=UTF-8";
  static final String ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
  static final CSVFormat CSV = CSVFormat.EXCEL.builder().setDelimiter(';').get();

  private SpreadsheetExports() {}

  static byte[] csv(Sheet sheet) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSV)) {
      writer.write('\uFEFF');
      printer.printRecord(sheet.headers());
      for (List<Object> row : sheet.rows()) {
        List<String> cells = new ArrayList<>();
        for (Object cell : row) {
          cells.add(cell == null ? "" : cell.toString());
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] ods(List<Sheet> sheets) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      byte[] mimetype = ODS_TYPE.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      entry(
          zip,
          "META-INF/manifest.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
           <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>
           <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
          </manifest:manifest>
          """
              .formatted(ODS_TYPE));
      entry(zip, "content.xml", content(sheets));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String content(List<Sheet> sheets) {
    StringBuilder xml =
        new StringBuilder(
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
        <office:body><office:spreadsheet>
        """);
    for (Sheet sheet : sheets) {
      xml.append("<table:table table:name=\"").append(escape(sheet.name())).append("\">");
      xml.append("<table:table-column table:number-columns-repeated=\"")
          .append(sheet.headers().size())
          .append("\"/>");
      row(xml, new ArrayList<>(sheet.headers()));
      for (List<Object> row : sheet.rows()) {
        row(xml, row);
      }
      xml.append("</table:table>\n");
    }
    return xml.append("</office:spreadsheet></office:body></office:document-content>\n").toString();
  }

  private static void row(StringBuilder xml, List<Object> cells) {
    xml.append("<table:table-row>");
    for (Object cell : cells) {
      if (cell == null) {
        xml.append("<table:table-cell/>");
      } else if (cell instanceof Number number) {
        xml.append("<table:table-cell office:value-type=\"float\" office:value=\"")
            .append(number)
            .append("\"><text:p>")
            .append(number)
            .append("</text:p></table:table-cell>");
      } else if (cell instanceof LocalDate date) {
        xml.append("<table:table-cell office:value-type=\"date\" office:date-value=\"")
            .append(date)
            .append("\"><text:p>")
            .append(date.format(ManagementDashboard.DATE))
            .append("</text:p></table:table-cell>");
      } else {
        xml.append("<table:table-cell office:value-type=\"string\"><text:p>")
            .append(escape(cell.toString()))
            .append("</text:p></table:table-cell>");
      }
    }
    xml.append("</table:table-row>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
