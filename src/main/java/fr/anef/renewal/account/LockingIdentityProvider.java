package fr.anef.renewal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine's database identity provider, with a lock that grows instead of the engine's permanent
 * one. Every login (Tasklist, HTTP Basic on {@code /engine-rest} and on the application's {@code
 * /api}, {@code /identity/verify}) goes through {@code IdentityService.checkPassword}, so they all
 * follow one policy; the state stays the engine's ({@code ACT_ID_USER.ATTEMPTS_}, {@code
 * LOCK_EXP_TIME_}), shared by every node, shown and lifted by Camunda Admin.
 */
class LockingIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger(LockingIdentityProvider.class);

  private final ObjectProvider<AccountLockNotices> notices;

  LockingIdentityProvider(ObjectProvider<AccountLockNotices> notices) {
    this.notices = notices;
  }

  /**
   * The engine's check, one login of a user at a time: the user's row is locked first, so that
   * logins sent in parallel wait for each other and each sees the failures and the lock of the one
   * before. Without it the engine verified every password of a burst against the same unlocked row
   * and counted the burst as one failure (its update is optimistic). The row lock ends with the
   * login's transaction.
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId != null && password != null) {
      lockUserRow(userId);
    }
    return super.checkPassword(userId, password);
  }

  private void lockUserRow(String userId) {
    String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_ID_USER";
    Connection connection = getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT ID_ FROM " + table + " WHERE ID_ = ? FOR UPDATE")) {
      lock.setString(1, userId);
      lock.executeQuery().close();
    } catch (SQLException e) {
      throw new ProcessEngineException(
          "Connexion refusée : le compte est en cours de vérification.", e);
    }
  }

  /**
   * Locked only until the lock's end: the engine's « attempts ≥ login-max-attempts means locked for
   * good » is gone.
   */
  @Override
  protected boolean isUserLocked(UserEntity user) {
    Date lockExpirationTime = user.getLockExpirationTime();
    return lockExpirationTime != null && lockExpirationTime.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    LoginLockPolicy policy = policy(Context.getProcessEngineConfiguration());
    int failures = user.getAttempts() + 1;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant until = now.plus(policy.refusalAfter(failures));
    getIdentityInfoManager().updateUserLock(user, failures, Date.from(until));
    Optional<Duration> lock = policy.lockAfter(failures);
    if (lock.isPresent()) {
      LOG.info(
          "Compte {} verrouillé jusqu'à {} après {} échecs de connexion consécutifs",
          user.getId(),
          until,
          failures);
      // The holder's mail, queued in this same transaction (the lock and its notice commit
      // together). Without authorization: a wrong current password on PUT /user/{id}/credentials
      // runs as the (hostile) caller.
      Context.getCommandContext()
          .runWithoutAuthorization(
              () -> {
                notices
                    .getObject()
                    .accountLocked(user.getId(), user.getEmail(), failures, now, until);
                return null;
              });
    }
  }

  static LoginLockPolicy policy(ProcessEngineConfigurationImpl configuration) {
    return new LoginLockPolicy(
        configuration.getLoginMaxAttempts(),
        configuration.getLoginDelayBase(),
        configuration.getLoginDelayFactor(),
        configuration.getLoginDelayMaxTime());
  }

  /** Replaces the engine's identity provider session factory (reads and writes). */
  static final class Factory implements SessionFactory {

    private final ObjectProvider<AccountLockNotices> notices;

    Factory(ObjectProvider<AccountLockNotices> notices) {
      this.notices = notices;
    }

    @Override
    public Class<?> getSessionType() {
      return LockingIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new LockingIdentityProvider(notices);
    }
  }
}
