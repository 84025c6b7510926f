namespace Nooks.Kernel.Threading
{
    public enum ThreadState
    {
        Created,    // made, not yet started
        Ready,      // in a run queue
        Running,    // Scheduler.Current
        Sleeping,   // in the sleep list until a time
        Blocked,    // in a WaitQueue
        Dead,       // exited; its stack is freed by the reaper
    }

    // Higher runs first; threads of one level share the CPU round-robin.
    public static class ThreadPriority
    {
        public const int Idle = 0;          // only the idle thread
        public const int Lowest = 1;
        public const int Low = 8;
        public const int Normal = 16;
        public const int High = 24;
        public const int Highest = 31;
        public const int LevelCount = Highest + 1;
    }
}
