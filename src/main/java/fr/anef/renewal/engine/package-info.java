/**
 * How the engine holds at national scale (README « Performance », ADR 0007): the authorization check
 * without its whole-table scan, job acquisition by due date, and the indexes the engine's own tables need,
 * applied by a Flyway history of their own once the engine has created its schema.
 */
package fr.anef.renewal.engine;
