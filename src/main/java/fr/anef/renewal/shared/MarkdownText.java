package fr.anef.renewal.shared;

/**
 * Text that someone other than the server chose (a file name, a message), put into a variable that
 * a form-js {@code text} component renders: form-js renders Markdown and some HTML there, so the
 * text is HTML-escaped and every Markdown special character is backslash-escaped, and it shows as
 * the very characters typed — never a link, an image, a heading or a tag.
 */
public final class MarkdownText {

  /**
   * Markdown's punctuation that can start or end a construct (CommonMark's backslash-escapable set,
   * HTML aside).
   */
  private static final String MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~=:";

  private MarkdownText() {}

  /** The text, safe to show in a form-js {@code text} component; null stays null. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        case '\r', '\n', '\t' -> escaped.append(' ');
        default -> {
          if (MARKDOWN_SPECIALS.indexOf(c) >= 0) {
            escaped.append('\\');
          }
          escaped.append(c);
        }
      }
    }
    return escaped.toString();
  }
}
