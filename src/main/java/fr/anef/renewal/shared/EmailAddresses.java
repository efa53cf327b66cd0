package fr.anef.renewal.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * E-mail addresses as the mailer reads them: an address typed anywhere is accepted only if Jakarta
 * Mail (which Spring Mail sends with) parses it strictly as one plain address, so no mail job later
 * fails on it.
 */
public final class EmailAddresses {

  /** What a person reads when the address is refused, wherever it was typed. */
  public static final String INVALID =
      "L'adresse email n'est pas valide : saisissez une adresse de la forme " + "nom@domaine.fr.";

  /** The maximum length of an address (RFC 5321 path limit). */
  public static final int MAX_LENGTH = 254;

  private EmailAddresses() {}

  /**
   * Whether {@code address} is one plain address (no display name, no group, a dotted domain) the
   * mailer accepts.
   */
  public static boolean valid(String address) {
    if (address == null || address.isBlank() || address.length() > MAX_LENGTH) {
      return false;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      int at = address.lastIndexOf('@');
      return !parsed.isGroup()
          && parsed.getPersonal() == null
          && address.equals(parsed.getAddress())
          && at > 0
          && address.indexOf('.', at) > at + 1
          && !address.endsWith(".");
    } catch (AddressException e) {
      return false;
    }
  }
}
