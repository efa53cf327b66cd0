package fr.anef.renewal.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, in the opening transaction, the first time a notification is opened: by its applicant,
 * or handed to them at the counter by an agent ({@code readBy}).
 */
public record NotificationOpened(
    UUID notificationId, UUID caseId, String kind, String title, Instant readAt, String readBy) {}
