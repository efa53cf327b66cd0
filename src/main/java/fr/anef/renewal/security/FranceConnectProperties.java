package fr.anef.renewal.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * « S'identifier avec FranceConnect » ({@code anef.franceconnect.*}, ADR 0021). Off unless {@code
 * issuer-uri} is set: the button is then hidden and no OpenID Connect endpoint exists.
 *
 * @param issuerUri the provider's issuer (its {@code /.well-known/openid-configuration} is read at
 *     the first login)
 * @param clientId the identifier FranceConnect gave this service
 * @param clientSecret its secret
 * @param scopes the claims asked: the « identité pivot » by default
 * @param acrValues the level asked ({@code eidas1})
 * @param redirectUri where FranceConnect sends the person back (declared to FranceConnect), {@code
 *     {baseUrl}} allowed
 * @param idTokenSignatureAlgorithm the algorithm of the ID token's signature (RS256 or ES256; HS256
 *     with the secret)
 */
@ConfigurationProperties("anef.franceconnect")
public record FranceConnectProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue({
          "openid",
          "given_name",
          "family_name",
          "birthdate",
          "gender",
          "birthplace",
          "birthcountry",
          "preferred_username",
          "email"
        })
        List<String> scopes,
    @DefaultValue("eidas1") String acrValues,
    @DefaultValue("{baseUrl}" + FranceConnectConfiguration.CALLBACK) String redirectUri,
    @DefaultValue("RS256") String idTokenSignatureAlgorithm) {}
