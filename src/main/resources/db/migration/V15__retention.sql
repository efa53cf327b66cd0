-- Retention of personal data (ADR 0020). A case's retention period starts when it reaches a final status (decision
-- notified, closure for incompleteness, abandonment of the draft): recorded from now on by FilingService, and for
-- the cases already ended taken from their last operation-log line.
alter table renewal_case add column closed_at timestamp with time zone;
update renewal_case set closed_at = (select max(e.occurred_at) from case_event e where e.case_id = renewal_case.id)
    where status in ('ABANDONED', 'FAVOURABLE', 'REFUSED', 'CLOSED_INCOMPLETE');
update renewal_case set closed_at = coalesce(deposited_at, created_at)
    where closed_at is null and status in ('ABANDONED', 'FAVOURABLE', 'REFUSED', 'CLOSED_INCOMPLETE');

-- What the nightly purge looks for, by date, without scanning whole tables.
create index ix_renewal_case_closed on renewal_case (closed_at);
create index ix_renewal_case_drafts on renewal_case (status, created_at);
create index ix_medical_file_closed on medical_file (closed_at);
create index ix_outgoing_mail_sent on outgoing_mail (sent_at);
create index ix_account_token_expires on account_token (expires_at);
-- Deleting a parent row makes the database check every foreign key that points at it: without an index on the
-- referencing column, a scan of that whole table per row deleted. And a file's bytes are deleted once no row
-- names them any more, looked up by content_id.
create index ix_notification_case on notification (case_id);
create index ix_notification_attachment_id on notification (attachment_id);
create index ix_outgoing_mail_attachment on outgoing_mail (attachment_id);
create index ix_notification_attachment_document on notification_attachment (document_id);
create index ix_document_file_content on document_file (content_id);
create index ix_issued_document_content on issued_document (content_id);
create index ix_medical_document_content on medical_document (content_id);
