-- Accounts: single-use links (e-mail confirmation, password reset), stored as SHA-256 digests only.
create table account_token (
    id               uuid         primary key,
    version          integer      not null,
    token_hash       varchar(64)  not null unique,
    purpose          varchar(10)  not null,
    foreigner_number varchar(10)  not null,
    email            varchar(254) not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone
);
create index ix_account_token_person on account_token (foreigner_number);

-- Account e-mails belong to no case.
alter table outgoing_mail alter column case_id drop not null;
