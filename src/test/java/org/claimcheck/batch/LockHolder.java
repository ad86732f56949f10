package org.claimcheck.batch;

import java.nio.file.Path;
import java.time.Instant;

/** A child process for {@link RunLockTest}: takes the run lock of a working folder and holds it until killed. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws InterruptedException {
    RunLock lock = RunLock.acquire(new Workspace(Path.of(args[0])).lockFile(), Instant.now(), w -> { });
    System.out.println("locked by pid " + ProcessHandle.current().pid() + " " + lock.file());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
