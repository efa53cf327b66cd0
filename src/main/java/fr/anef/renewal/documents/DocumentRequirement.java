package fr.anef.renewal.documents;

/** One row of the DMN « required-documents »: what to attach, how many files at most. */
public record DocumentRequirement(
    String code, String section, String label, String guidance, int maxFiles, int position) {}
