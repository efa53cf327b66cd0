package fr.anef.renewal.documents;

/** A file as received from a person: the name they gave it and its bytes. */
public record UploadedFile(String originalName, byte[] bytes) {}
