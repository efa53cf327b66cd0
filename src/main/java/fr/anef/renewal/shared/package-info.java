/** Small types every capability shares: the refusal carrying French messages. */
package fr.anef.renewal.shared;
