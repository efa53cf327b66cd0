-- Several nodes (ADR 0009).
-- HTTP sessions in the shared database (Spring Session JDBC's own schema for PostgreSQL, which H2 reads too): a user
-- logged in on one node goes on on any other, Tasklist's and Cockpit's sessions included.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Work that one node at a time may do: the start-up set-up (groups, grants, first administrator, demo data) and
-- the nightly retention purge. A node takes the row (select … for update) for the length of its transaction.
create table cluster_lock (
    name     varchar(40) primary key,
    last_run timestamp with time zone
);
insert into cluster_lock (name) values ('start-up');
insert into cluster_lock (name) values ('retention');
