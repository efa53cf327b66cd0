package fr.anef.renewal.processes;

/**
 * The contract of the process {@code mail-dispatch} (bpmn/mail-dispatch.bpmn): one instance per
 * queued e-mail, its business key the mail's idempotency key. Checked against the BPMN file by
 * {@code ProcessContractsTests}.
 */
public final class MailDispatchProcess {

  public static final String KEY = "mail-dispatch";

  public static final String MAIL_QUEUED = "startEvent_mailQueued";
  public static final String SEND_MAIL = "serviceTask_sendMail";
  public static final String MAIL_SENT = "endEvent_mailSent";

  private MailDispatchProcess() {}
}
