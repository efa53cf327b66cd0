package fr.anef.renewal.security;

import java.util.LinkedHashSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.BeanIds;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * « S'identifier avec FranceConnect » (ADR 0021): Spring Security's OpenID Connect client
 * (authorization code, state, nonce, ID token signature checked against the provider's keys),
 * confined to {@code /franceconnect/*}: Spring Security's filter is registered for those paths
 * only, every other request keeps the application's own authentication (ADR 0015). Spring Security
 * keeps nothing: no security context, no stored token; the proven identity is handed to {@link
 * FranceConnectLogin}, which opens the same session as the password login. Present only when {@code
 * anef.franceconnect.issuer-uri} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "anef.franceconnect", name = "issuer-uri")
@EnableConfigurationProperties(FranceConnectProperties.class)
@EnableWebSecurity
class FranceConnectConfiguration {

  static final String REGISTRATION_ID = "franceconnect";

  /** GET {@code /franceconnect/autorisation/franceconnect}: off to FranceConnect. */
  static final String AUTHORIZATION_BASE = "/franceconnect/autorisation";

  /** FranceConnect's way back (the authorization code). */
  static final String CALLBACK = "/franceconnect/retour";

  @Bean
  SecurityFilterChain franceConnectFilterChain(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      FranceConnectProperties properties,
      FranceConnectLogin login)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver requests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
    // FranceConnect requires the level of guarantee asked for (eIDAS « faible » at least).
    requests.setAuthorizationRequestCustomizer(
        request ->
            request.additionalParameters(
                parameters -> parameters.put("acr_values", properties.acrValues())));
    OidcUserService users = new OidcUserService();
    // The identité pivot comes from the userinfo endpoint (FranceConnect's scopes are claims, not «
    // profile »).
    users.setAccessibleScopes(new LinkedHashSet<>(properties.scopes()));
    http.securityMatcher("/franceconnect/**")
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .oauth2Login(
            oauth ->
                oauth
                    .authorizationEndpoint(
                        endpoint ->
                            endpoint
                                .baseUri(AUTHORIZATION_BASE)
                                .authorizationRequestResolver(requests))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(CALLBACK))
                    .authorizedClientRepository(new NothingKept())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                    .successHandler(login::succeeded)
                    .failureHandler(login::failed));
    return http.build();
  }

  /**
   * Spring Security's filter for FranceConnect's paths only (Boot's own registration on every path
   * is excluded).
   */
  @Bean
  DelegatingFilterProxyRegistrationBean franceConnectFilterRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(BeanIds.SPRING_SECURITY_FILTER_CHAIN);
    registration.setName("franceconnect");
    registration.addUrlPatterns("/franceconnect/*");
    registration.setOrder(-100);
    return registration;
  }

  /**
   * The provider's metadata are read at the first use: the application starts even when
   * FranceConnect does not answer.
   */
  @Bean
  ClientRegistrationRepository franceConnectRegistration(FranceConnectProperties properties) {
    return new ClientRegistrationRepository() {
      private volatile ClientRegistration registration;

      @Override
      public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
          return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
          known =
              ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                  .registrationId(REGISTRATION_ID)
                  .clientName("FranceConnect")
                  .clientId(properties.clientId())
                  .clientSecret(properties.clientSecret())
                  .scope(properties.scopes())
                  .redirectUri(properties.redirectUri())
                  .userNameAttributeName("sub")
                  .build();
          registration = known;
        }
        return known;
      }
    };
  }

  /**
   * The ID token's signature algorithm, as FranceConnect signs it (found by Spring Security as a
   * bean).
   */
  @Bean
  JwtDecoderFactory<ClientRegistration> franceConnectIdTokenDecoders(
      FranceConnectProperties properties) {
    OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
    String name = properties.idTokenSignatureAlgorithm();
    JwsAlgorithm algorithm =
        SignatureAlgorithm.from(name) != null
            ? SignatureAlgorithm.from(name)
            : MacAlgorithm.from(name);
    if (algorithm == null) {
      throw new IllegalStateException(
          "anef.franceconnect.id-token-signature-algorithm inconnu : " + name);
    }
    decoders.setJwsAlgorithmResolver(registration -> algorithm);
    return decoders;
  }

  /**
   * FranceConnect's tokens are used once, to read the identity: never kept (neither in the session
   * nor in memory).
   */
  private static final class NothingKept implements OAuth2AuthorizedClientRepository {
    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
        String registrationId,
        org.springframework.security.core.Authentication principal,
        jakarta.servlet.http.HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient client,
        org.springframework.security.core.Authentication principal,
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String registrationId,
        org.springframework.security.core.Authentication principal,
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response) {}
  }
}
