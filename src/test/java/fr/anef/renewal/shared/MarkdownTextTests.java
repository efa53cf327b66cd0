package fr.anef.renewal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Applicant text put into a form-js {@code text} component shows as typed: no link, image, tag or
 * heading.
 */
class MarkdownTextTests {

  @Test
  @DisplayName("Un lien Markdown devient du texte : crochets et parenthèses échappés")
  void markdownLink() {
    assertThat(MarkdownText.escape("[Pièce vérifiée par le service - cliquer ici](http://x)"))
        .isEqualTo("\\[Pièce vérifiée par le service \\- cliquer ici\\]\\(http\\://x\\)");
  }

  @Test
  @DisplayName("Une image Markdown et une balise HTML deviennent du texte")
  void imageAndHtml() {
    assertThat(MarkdownText.escape("![x](http://x/a.png)"))
        .isEqualTo("\\!\\[x\\]\\(http\\://x/a\\.png\\)");
    assertThat(MarkdownText.escape("<img src=http://x>")).isEqualTo("&lt;img src\\=http\\://x&gt;");
    assertThat(MarkdownText.escape("<a href=\"http://x\">ici</a>"))
        .isEqualTo("&lt;a href\\=&quot;http\\://x&quot;&gt;ici&lt;/a&gt;");
    assertThat(MarkdownText.escape("Tom & Jerry's")).isEqualTo("Tom &amp; Jerry&#39;s");
  }

  @Test
  @DisplayName(
      "Emphase, titres, listes, code, gabarits {{…}} et retours à la ligne ne prennent pas effet")
  void otherConstructs() {
    assertThat(MarkdownText.escape("**gras** _it_ `code` ~~barré~~"))
        .isEqualTo("\\*\\*gras\\*\\* \\_it\\_ \\`code\\` \\~\\~barré\\~\\~");
    assertThat(MarkdownText.escape("# Titre\n- puce\n1. un"))
        .isEqualTo("\\# Titre \\- puce 1\\. un");
    assertThat(MarkdownText.escape("{{privateNote}}")).isEqualTo("\\{\\{privateNote\\}\\}");
    assertThat(MarkdownText.escape("a\\b|c")).isEqualTo("a\\\\b\\|c");
  }

  @Test
  @DisplayName("Un nom de fichier ordinaire reste lisible ; null reste null")
  void plainNames() {
    assertThat(MarkdownText.escape("passeport 2024 é.pdf")).isEqualTo("passeport 2024 é\\.pdf");
    assertThat(MarkdownText.escape("")).isEmpty();
    assertThat(MarkdownText.escape(null)).isNull();
  }
}
