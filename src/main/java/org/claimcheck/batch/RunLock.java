package org.claimcheck.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.claimcheck.ClaimcheckException;
import org.claimcheck.Json;

/**
 * Thread-safe (one holder). The lock that keeps two nightly runs out of the same working folder.
 *
 * <p>The lock file ({@code corpus/state/run.lock}) holds the pid, host and start time of the run that holds it, and is
 * locked with an operating-system file lock while the run lasts. The operating system drops that lock when the process
 * dies, however it dies ({@code kill -9} included), so a lock file whose OS lock is free was left by a dead run: it is
 * stale, and the next run takes it over and says so. Where the file system cannot lock files, the recorded pid decides:
 * a lock from this host whose process is gone is stale; one whose process is alive, or one from another host, is
 * respected.
 *
 * <p>On release the file is emptied, not deleted: deleting a locked file would let a waiting process lock an unlinked
 * file while a third creates a new one.
 */
public final class RunLock implements AutoCloseable {
  /** Who holds (or held) a lock. */
  public record Holder(long pid, String host, String started) {
    public Holder {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(started, "started");
    }

    @Override
    public String toString() {
      return "pid " + pid + " on host " + host + ", started " + started;
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Holder previous;
  private boolean released;

  private RunLock(Path file, FileChannel channel, FileLock lock, Holder previous) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.previous = previous;
  }

  /**
   * Takes the lock, or fails at once with a {@link ClaimcheckException} (exit code 1) that names the run holding it.
   * A stale lock is taken over; {@code warn} is told about it.
   */
  public static RunLock acquire(Path file, Instant now, Consumer<String> warn) {
    Holder me = new Holder(ProcessHandle.current().pid(), hostName(), now.toString());
    FileChannel channel = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      boolean osLocks = true;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another run in this JVM
      } catch (IOException e) {
        lock = null; // this file system cannot lock files: the recorded pid decides
        osLocks = false;
      }
      Holder recorded = read(channel);
      if (osLocks && lock == null) {
        throw held(file, recorded);
      }
      if (!osLocks && recorded != null && !isStale(recorded, me)) {
        throw held(file, recorded);
      }
      if (recorded != null) {
        warn.accept("took over a stale run lock (" + recorded + "): " + staleReason(recorded, me, osLocks));
      }
      write(channel, me);
      RunLock taken = new RunLock(file, channel, lock, recorded);
      channel = null;
      return taken;
    } catch (IOException e) {
      throw new ClaimcheckException("cannot take the run lock", file + ": " + e.getMessage(),
          "Check the folder's permissions and free disk space");
    } finally {
      closeQuietly(channel);
    }
  }

  /** The holder of a stale lock this run took over, or null. */
  public Holder tookOver() {
    return previous;
  }

  public Path file() {
    return file;
  }

  /** Who holds the lock at {@code file} now, as recorded in it; null when nobody does. */
  public static Holder recorded(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      return null;
    }
  }

  /** Empties the lock file and releases the lock. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      channel.truncate(0);
      channel.force(true);
    } catch (IOException e) {
      // The OS lock below is what counts; an unreadable leftover is taken over as stale.
    }
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // Closing the channel releases it too.
    }
    closeQuietly(channel);
  }

  private static ClaimcheckException held(Path file, Holder h) {
    String who = h == null ? "another claimcheck process" : h.toString();
    return new ClaimcheckException("another claimcheck run is going in this working folder", who,
        "Wait for it to finish. If no such run exists, delete " + file);
  }

  static boolean isStale(Holder recorded, Holder me) {
    if (!recorded.host().equals(me.host())) {
      return false; // cannot see processes on another host
    }
    if (recorded.pid() == me.pid()) {
      return false; // this process holds it already
    }
    return ProcessHandle.of(recorded.pid()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String staleReason(Holder recorded, Holder me, boolean osLocks) {
    boolean sameHost = recorded.host().equals(me.host());
    boolean alive = sameHost && ProcessHandle.of(recorded.pid()).map(ProcessHandle::isAlive).orElse(false);
    if (!sameHost) {
      return "its file lock was free, so that run is over";
    }
    if (alive && osLocks) {
      return "its file lock was free; pid " + recorded.pid() + " is now another process";
    }
    return "that process is gone";
  }

  private static Holder read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || size > 64 * 1024) {
      return null;
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
      // read it all
    }
    return parse(buf.array());
  }

  private static Holder parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(text, Holder.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return new Holder(-1, "unknown", "unknown (unreadable lock file)");
    }
  }

  private static void write(FileChannel channel, Holder me) throws IOException {
    byte[] bytes = (Json.line(me) + "\n").getBytes(StandardCharsets.UTF_8);
    channel.truncate(0);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long pos = 0;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
    channel.force(true);
  }

  static String hostName() {
    return Host.NAME;
  }

  private static final class Host {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "localhost";
      }
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
