package fr.anef.renewal.notification;

import java.time.Instant;
import java.util.UUID;

/** Published, in the opening transaction, the first time an applicant opens a notification. */
public record NotificationOpened(UUID notificationId, UUID caseId, String kind, String title, Instant readAt) {}
