package fr.anef.renewal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(CsrfTokens.forSessionForms())
        .addPathPatterns(
            "/mon-espace/**", "/api/**", "/agent/**", "/ofii/**", "/demo/**", "/analyste/**");
    registry
        .addInterceptor(CsrfTokens.forPublicForms())
        .addPathPatterns("/compte/**", "/connexion", "/deconnexion");
  }
}
