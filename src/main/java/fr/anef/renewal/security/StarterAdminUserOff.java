package fr.anef.renewal.security;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The Camunda starter creates {@code camunda.bpm.admin-user} while the engine is built, by a check
 * then a create that two nodes starting together on an empty database both pass (the second crashed
 * on a duplicate key). Its bean is removed; {@link AccessSetup} creates the same user under the
 * start-up lock.
 */
@Component
class StarterAdminUserOff implements BeanDefinitionRegistryPostProcessor {

  static final String STARTER_BEAN = "createAdminUserConfiguration";

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (registry.containsBeanDefinition(STARTER_BEAN)) {
      registry.removeBeanDefinition(STARTER_BEAN);
    }
  }
}
