package fr.anef.renewal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One more download of a notification, with the label the page shows (« TÉLÉCHARGER LA NOTICE
 * EXPLICATIVE »).
 */
@Entity
@Table(name = "notification_attachment")
public class NotificationAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID notificationId;
  private UUID documentId;
  private String label;
  private int position;

  protected NotificationAttachment() {}

  NotificationAttachment(UUID notificationId, UUID documentId, String label, int position) {
    this.notificationId = notificationId;
    this.documentId = documentId;
    this.label = label;
    this.position = position;
  }

  public UUID getDocumentId() {
    return documentId;
  }

  public String getLabel() {
    return label;
  }
}
