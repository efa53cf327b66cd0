package fr.anef.renewal.medical;

import java.util.Set;

/**
 * The allow-list of the préfecture process's variables, shared with the full-stack secrecy test.
 */
public final class MedicalInstructionTestsAccess {

  public static final Set<String> PREFECTURE_VARIABLES =
      MedicalInstructionTests.PREFECTURE_VARIABLES;

  private MedicalInstructionTestsAccess() {}
}
