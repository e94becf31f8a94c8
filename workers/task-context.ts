/** What every task of a worker process knows about the process running it. */
export interface TaskContext {
  /** The workers.id of this process, recorded on the stage runs it works on. */
  workerId: string;
}
