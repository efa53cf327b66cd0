package fr.anef.renewal.documents;

/** A file ready to be sent back to a browser. */
public record StoredFile(String fileName, String contentType, byte[] bytes) {}
