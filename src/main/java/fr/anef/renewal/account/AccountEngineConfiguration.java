package fr.anef.renewal.account;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine does with accounts, set by a plugin (Camunda's Spring Boot starter applies every
 * {@link ProcessEnginePlugin} bean): a new user may only read their own user ({@link
 * SelfReadOnlyAuthorizationProvider}), and a login lock that grows and is mailed to the holder
 * ({@link LockingIdentityProvider}).
 */
@Configuration(proxyBeanMethods = false)
class AccountEngineConfiguration {

  /**
   * Static, and the notices looked up only when a lock happens: the plugin is needed before the
   * engine exists.
   */
  @Bean
  static ProcessEnginePlugin accountsEnginePlugin(ObjectProvider<AccountLockNotices> notices) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new SelfReadOnlyAuthorizationProvider());
        configuration.setIdentityProviderSessionFactory(
            new LockingIdentityProvider.Factory(notices));
      }
    };
  }
}
