-- Mails carrying a single-use link keep no copy of it once sent.
alter table outgoing_mail add column sensitive boolean default false not null;
