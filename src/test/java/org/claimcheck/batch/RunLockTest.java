package org.claimcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.claimcheck.ClaimcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per working folder: a second exits at once; a lock left by a killed run is taken over. */
class RunLockTest {
  @Test
  void aSecondRunWhileOneIsGoingExitsAtOnceWithAClearMessage(@TempDir Path work) {
    RunFixture f = new RunFixture(work);
    try (RunLock held = RunLock.acquire(new Workspace(work).lockFile(), Instant.now(), w -> { })) {
      RunFixture.Run second = f.run("2026-11-20");
      assertEquals(1, second.code(), second.err());
      assertTrue(second.err().startsWith("error: another claimcheck run is going in this working folder (pid "
          + ProcessHandle.current().pid() + " on host "), second.err());
      assertTrue(second.err().contains("If no such run exists, delete " + held.file()), second.err());
      assertFalse(Files.exists(work.resolve("reports/2026-11-20")), "the second run did nothing");
    }
    assertEquals(0, f.run("2026-11-20").code(), "the lock is free again");
    assertNull(RunLock.recorded(new Workspace(work).lockFile()), "a finished run leaves an empty lock file");
  }

  @Test
  void aLockHeldByAnotherProcessIsRespectedAndTakenOverWhenThatProcessIsKilled(@TempDir Path work)
      throws Exception {
    RunFixture f = new RunFixture(work);
    long childPid;
    try (ChildJvm holder = ChildJvm.start(LockHolder.class, List.of(work.toString()))) {
      assertTrue(holder.awaitLine("locked by pid", 60_000), String.join("\n", holder.lines()));
      childPid = holder.pid();
      RunFixture.Run blocked = f.run("2026-11-20");
      assertEquals(1, blocked.code(), blocked.err());
      assertTrue(blocked.err().contains("another claimcheck run is going in this working folder (pid " + childPid
          + " on host "), blocked.err());
      assertEquals(137, holder.kill(), "SIGKILL");
    }
    // The killed holder could not clean up: its pid is still in the file, but its OS lock died with it.
    assertEquals(childPid, RunLock.recorded(new Workspace(work).lockFile()).pid());
    RunFixture.Run next = f.run("2026-11-20");
    assertEquals(0, next.code(), next.err());
    assertTrue(next.err().contains("warning: took over a stale run lock (pid " + childPid + " on host "), next.err());
    assertTrue(next.err().contains("that process is gone"), next.err());
    assertTrue(next.manifest().path("warnings").toString().contains("stale run lock"));
  }

  @Test
  void withoutFileLocksThePidDecides() {
    RunLock.Holder me = new RunLock.Holder(ProcessHandle.current().pid(), RunLock.hostName(), "now");
    long dead = deadPid();
    assertTrue(RunLock.isStale(new RunLock.Holder(dead, me.host(), "then"), me), "dead process on this host");
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    assertFalse(RunLock.isStale(new RunLock.Holder(parent, me.host(), "then"), me), "live process on this host");
    assertFalse(RunLock.isStale(new RunLock.Holder(dead, "elsewhere.example", "then"), me), "another host");
  }

  @Test
  void theSameProcessCannotTakeItTwice(@TempDir Path dir) {
    Path file = dir.resolve("state/run.lock");
    List<String> warnings = new ArrayList<>();
    try (RunLock first = RunLock.acquire(file, Instant.now(), warnings::add)) {
      ClaimcheckException e = assertThrows(ClaimcheckException.class,
          () -> RunLock.acquire(file, Instant.now(), warnings::add));
      assertEquals(1, e.exitCode());
      assertEquals(ProcessHandle.current().pid(), RunLock.recorded(file).pid());
    }
    assertEquals(List.of(), warnings);
  }

  /** The pid of a process that has ended. */
  private static long deadPid() {
    try {
      Process p = new ProcessBuilder("true").start();
      p.waitFor();
      return p.pid();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
