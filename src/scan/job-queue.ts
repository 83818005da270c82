/**
 * The jobs of a scan (the files the prefilter let through), shared by its threads through shared
 * memory: any thread claims the next job, so that one slow file holds up no other thread; and the
 * typed programs of a project are built by one thread only, the first to need them, which the
 * others hand that project's files to (a program over a large project costs seconds to build).
 */

/** header: the next job to claim, the stop flag, the threads busy with a job. */
const NEXT_JOB = 0;
const STOP = 1;
const ACTIVE = 2;
const HEADER_LENGTH = 3;
/** Projects are told apart by a hash: two that share a slot share a thread, which costs nothing but balance. */
const OWNER_SLOTS = 4096;

/** The shared memory of a run's queue. `handedOver` comes with the jobs, once their number is known. */
export interface QueueMemory {
  header: Int32Array;
  /** Per project hash slot: the thread that builds its typed programs, plus one (0: none yet). */
  owners: Int32Array;
  /** Per thread: the next job to take from its list, the length of its list; then the lists, `size` slots each. */
  handedOver?: Int32Array;
}

export function createQueueMemory(): QueueMemory {
  const ints = (length: number) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
  return { header: ints(HEADER_LENGTH), owners: ints(OWNER_SLOTS) };
}

export function handedOverMemory(size: number, threads: number): Int32Array {
  const memory = new Int32Array(new SharedArrayBuffer((2 * threads + threads * size) * Int32Array.BYTES_PER_ELEMENT));
  memory.fill(-1, 2 * threads);
  return memory;
}

export type NextJob = number | "wait" | "done";

/** One thread's view of the queue. */
export class JobQueue {
  private readonly header: Int32Array;
  private readonly owners: Int32Array;
  private readonly handedOver: Int32Array;

  constructor(
    memory: QueueMemory,
    readonly size: number,
    readonly threads: number,
    readonly thread: number,
  ) {
    this.header = memory.header;
    this.owners = memory.owners;
    this.handedOver = memory.handedOver ?? handedOverMemory(size, threads);
  }

  /**
   * The next job for this thread (counted busy until `finished`): first a job handed over to it,
   * else the next unclaimed one. "wait" while another thread's job may still be handed over to this
   * one; "done" once no job is left for it (or the run stopped).
   */
  next(): NextJob {
    if (Atomics.load(this.header, STOP) !== 0) return "done";
    const taken = this.handedOver[this.thread]!;
    if (taken < Atomics.load(this.handedOver, this.threads + this.thread)) {
      const job = Atomics.load(this.handedOver, this.listStart(this.thread) + taken);
      // -1: the slot is reserved but its job not written yet.
      if (job < 0) return "wait";
      this.handedOver[this.thread] = taken + 1;
      Atomics.add(this.header, ACTIVE, 1);
      return job;
    }
    if (Atomics.load(this.header, NEXT_JOB) < this.size) {
      Atomics.add(this.header, ACTIVE, 1);
      const job = Atomics.add(this.header, NEXT_JOB, 1);
      if (job < this.size) return job;
      Atomics.sub(this.header, ACTIVE, 1);
    }
    // Only a busy thread can hand a job over: read the count before the list, which it fills first.
    if (Atomics.load(this.header, ACTIVE) === 0 && taken >= Atomics.load(this.handedOver, this.threads + this.thread)) return "done";
    return "wait";
  }

  /** The job `next` gave is done, or handed over. */
  finished(): void {
    Atomics.sub(this.header, ACTIVE, 1);
  }

  /** Gives `job` to thread `owner`; false when its list is full (a job is handed over once at most, so never). */
  handOver(job: number, owner: number): boolean {
    const slot = Atomics.add(this.handedOver, this.threads + owner, 1);
    if (slot >= this.size) return false;
    Atomics.store(this.handedOver, this.listStart(owner) + slot, job);
    Atomics.notify(this.handedOver, this.threads + owner);
    return true;
  }

  /** Blocks this (worker) thread until a job may have been handed over to it, or a few milliseconds have passed. */
  waitBlocking(): void {
    const index = this.threads + this.thread;
    Atomics.wait(this.handedOver, index, Atomics.load(this.handedOver, index), 5);
  }

  /** The thread that builds the typed programs of `project`: this one if no thread does yet. */
  ownerOf(project: string): number {
    if (this.threads === 1) return this.thread;
    const slot = hash(project) % OWNER_SLOTS;
    const previous = Atomics.compareExchange(this.owners, slot, 0, this.thread + 1);
    return previous === 0 ? this.thread : previous - 1;
  }

  /** No thread takes another job. */
  stop(): void {
    Atomics.store(this.header, STOP, 1);
  }

  /** Jobs claimed so far, finished or not (after a stop, no more are). */
  get claimed(): number {
    return Math.min(Atomics.load(this.header, NEXT_JOB), this.size);
  }

  private listStart(thread: number): number {
    return 2 * this.threads + thread * this.size;
  }
}

/** FNV-1a: a string's 32-bit hash, the same in every thread. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}
