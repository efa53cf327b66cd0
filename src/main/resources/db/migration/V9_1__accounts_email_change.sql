-- Accounts: a link that confirms a new e-mail (purpose EMAIL_CHANGE, longer than the first two purposes).
alter table account_token alter column purpose set data type varchar(20);
