package fr.anef.renewal.management;

import java.util.List;

/**
 * One table of figures, as the page, the CSV and the ODS show it: cells are {@link String}, {@link
 * Number}, {@link java.time.LocalDate} or null (empty).
 *
 * @param name the sheet's French name (ODS)
 * @param fileName the CSV's name, without extension
 */
record Sheet(String name, String fileName, List<String> headers, List<List<Object>> rows) {}
