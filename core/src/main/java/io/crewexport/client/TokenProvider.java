package io.crewexport.client;

/**
 * Gives the bearer token for one Crewmojo account. One provider per account, shared by every
 * thread: the vendor invalidates all earlier tokens whenever it issues a new one, so two providers
 * for the same account knock each other out.
 */
public interface TokenProvider {

  /** A token that is valid now, fetching one if there is none or it is about to expire. */
  AccessToken current();

  /**
   * Called when the vendor answered {@code 401} to a request that carried {@code rejected}. If a
   * newer token exists already, returns it without asking the vendor; otherwise fetches one. Only
   * one thread fetches; the others wait and share its result.
   *
   * @throws io.crewexport.CrewexportException with code {@code UNAUTHORIZED} if no new token can be
   *     had
   */
  AccessToken refresh(AccessToken rejected);
}
