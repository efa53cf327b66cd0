package fr.anef.renewal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import fr.anef.renewal.WebSliceTest;
import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.shared.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * « Créer un compte » as a controller slice (no engine, no database): the public form's CSRF rule,
 * the titre's three-field dates as the service receives them, and the French refusal shown with
 * what was typed kept. What the service then does with a titre is {@code AccountCreationTests}'.
 */
@WebSliceTest(AccountPagesController.class)
class AccountPagesControllerTests {

  @Autowired MockMvc mvc;
  @MockitoBean AccountService accounts;

  @Test
  @DisplayName(
      "Un formulaire de compte envoyé sans le jeton de la page, ou avec un autre, est refusé en français et n'atteint jamais le service")
  void forgedAccountFormsAreRefused() throws Exception {
    MockHttpSession session = sessionWithPage();
    for (MockHttpServletRequestBuilder forged :
        new MockHttpServletRequestBuilder[] {
          creation().session(session),
          creation().session(session).param("_csrf", "0123456789abcdef")
        }) {
      MvcResult result = mvc.perform(forged).andExpect(status().isForbidden()).andReturn();
      assertThat(result.getResponse().getErrorMessage())
          .isEqualTo(
              "Formulaire expiré ou envoyé depuis un autre site : rechargez la page et recommencez.");
    }
    // Nobody is logged in on these pages: the rule holds for every POST, even without a session.
    mvc.perform(creation()).andExpect(status().isForbidden());
    verifyNoInteractions(accounts);
  }

  @Test
  @DisplayName(
      "Les dates du titre saisies en jour, mois et année arrivent au service comme dates ; une date impossible arrive vide")
  void titleDatesReachTheServiceAsDates() throws Exception {
    MockHttpSession session = sessionWithPage();
    mvc.perform(creation().session(session).param("_csrf", token(session)))
        .andExpect(status().isOk())
        .andExpect(view().name("account-requested"));
    verify(accounts)
        .requestAccount(
            "5900004321",
            LocalDate.of(2025, 12, 1),
            LocalDate.of(2026, 12, 31),
            "quatre@exemple.fr",
            "quatre@exemple.fr");

    mvc.perform(
            creation()
                .session(session)
                .param("_csrf", token(session))
                .param("debutJour", "31")
                .param("debutMois", "2"))
        .andExpect(status().isOk());
    verify(accounts)
        .requestAccount(
            any(),
            isNull(),
            any(LocalDate.class),
            any(),
            any()); // 31/02 is no date: the service refuses it (AccountCreationTests)
  }

  @Test
  @DisplayName(
      "Un refus du service s'affiche en français sur le formulaire, qui garde le numéro et l'adresse saisis")
  void refusalShownWithWhatWasTyped() throws Exception {
    doThrow(new Refusal(AccountService.NO_SUCH_TITLE))
        .when(accounts)
        .requestAccount(any(), any(), any(), any(), any());
    MockHttpSession session = sessionWithPage();
    String page =
        mvc.perform(creation().session(session).param("_csrf", token(session)))
            .andExpect(status().isOk())
            .andExpect(view().name("account-create"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("ne correspondent à aucun visa ni titre de séjour")
        .contains("value=\"5900004321\"")
        .contains("value=\"quatre@exemple.fr\"");
  }

  /** The form's page, opened first: it gives the session its token. */
  private MockHttpSession sessionWithPage() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(get("/compte/creation").session(session)).andExpect(status().isOk());
    return session;
  }

  private static String token(MockHttpSession session) {
    return (String) session.getAttribute(CsrfTokens.class.getName());
  }

  private static MockHttpServletRequestBuilder creation() {
    return post("/compte/creation")
        .param("numero", "5900004321")
        .param("debutJour", "1")
        .param("debutMois", "12")
        .param("debutAnnee", "2025")
        .param("finJour", "31")
        .param("finMois", "12")
        .param("finAnnee", "2026")
        .param("email", "quatre@exemple.fr")
        .param("emailConfirmation", "quatre@exemple.fr");
  }
}
