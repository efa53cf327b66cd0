package fr.anef.renewal.instruction;

/** One line of the dynamic list « documentReviews » of the review form. */
record ReviewItem(String code, String label, String files, String verdict, String observation) {}
