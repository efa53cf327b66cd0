package fr.anef.renewal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.anef.renewal.WebSliceTest;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.FilingTiming;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.instruction.DocumentReviews;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.ActorGroups;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The préfecture agent's case pages as a controller slice: a case of another préfecture reads as no
 * case at all — the same 404 and the same search answer as a N° nobody holds, so that its existence
 * shows nowhere — and a person who is not an agent is refused in French before any lookup. The same
 * rule end to end, with a real case in Lille and the Paris agent: {@code IsolationTests}.
 */
@WebSliceTest(AgentPagesController.class)
class AgentPagesControllerTests {

  static final String LILLE_CASE = "59-2026-000123";

  @Autowired MockMvc mvc;
  @MockitoBean Cases cases;
  @MockitoBean DocumentService documents;
  @MockitoBean OwnedResources owned;
  @MockitoBean CaseHistory caseHistory;
  @MockitoBean DocumentReviews reviews;
  @MockitoBean Complements complements;

  @BeforeEach
  void aCaseFiledInLille() {
    RenewalCase lille =
        new RenewalCase("5903007229", "pi-1", "59", true, "5900001234", null, Instant.now());
    lille.deposit(LILLE_CASE, Instant.now(), FilingTiming.ON_TIME);
    when(cases.byRequestNumber(any())).thenReturn(Optional.empty());
    when(cases.byRequestNumber(LILLE_CASE)).thenReturn(Optional.of(lille));
  }

  @Test
  @DisplayName(
      "La demande d'une autre préfecture : 404 comme un N° inconnu, et la recherche répond « Aucune demande ne porte le N° »")
  void anotherPrefecturesCaseReadsAsNoCase() throws Exception {
    AppUser paris = agentOf("75");
    String unknown = "59-2026-999999";
    for (String number : List.of(LILLE_CASE, unknown)) {
      assertThat(
              mvc.perform(as(paris, get("/agent/demandes/" + number)))
                  .andExpect(status().isNotFound())
                  .andReturn()
                  .getResponse()
                  .getErrorMessage())
          .as(number)
          .isEqualTo("Document introuvable.");
      assertThat(
              mvc.perform(as(paris, get("/agent/demandes").param("numero", " " + number + " ")))
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .as(number)
          .contains("Aucune demande ne porte le N° " + number + ".");
    }
    verify(documents, never()).requirements(any());

    mvc.perform(as(agentOf("59"), get("/agent/demandes").param("numero", LILLE_CASE)))
        .andExpect(redirectedUrl("/agent/demandes/" + LILLE_CASE));
  }

  @Test
  @DisplayName(
      "Un demandeur, ou un agent sans préfecture, n'ouvre aucune page d'agent : refus en français")
  void onlyAgentsOfTheCasesPrefecture() throws Exception {
    AppUser applicant = new AppUser("5903007229", List.of(ActorGroups.APPLICANTS), true);
    assertThat(
            mvc.perform(as(applicant, get("/agent/demandes/" + LILLE_CASE)))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getErrorMessage())
        .isEqualTo("Réservé aux agents instructeurs de la préfecture.");
    verify(cases, never()).byRequestNumber(any());
    mvc.perform(
            as(
                new AppUser("agent.sans.prefecture", List.of(ActorGroups.PREFECTURE_AGENTS), true),
                get("/agent/demandes/" + LILLE_CASE)))
        .andExpect(status().isNotFound());
  }

  private static AppUser agentOf(String department) {
    return new AppUser(
        "agent." + department,
        List.of(ActorGroups.PREFECTURE_AGENTS, AgentScopes.groupOf(department)),
        true);
  }

  /** The request as the application's authentication filter leaves it for the controller. */
  private static MockHttpServletRequestBuilder as(AppUser user, MockHttpServletRequestBuilder r) {
    return r.requestAttr(AppUser.class.getName(), user);
  }
}
