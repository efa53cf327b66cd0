package fr.anef.renewal.notification;

/** « Filtrer mes notifications ». */
public enum NotificationFilter {
  ALL("Toutes les notifications"),
  UNREAD("Notifications non lues"),
  READ("Notifications lues");

  private final String label;

  NotificationFilter(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static NotificationFilter parse(String value) {
    for (NotificationFilter filter : values()) {
      if (filter.name().equalsIgnoreCase(value)) {
        return filter;
      }
    }
    return ALL;
  }
}
