using Nooks.Abi;

namespace Nooks.User
{
    // The first process: starts the recovery agent, then a shell on the console, and keeps both
    // running, starting a new one whenever one exits.
    public static partial class Program
    {
        private const string Shell = "sh";
        private const string Agent = "agent";
        private const int AgentReadyPollMilliseconds = 10;
        private const int AgentReadyTimeoutMilliseconds = 5000;
        private const long QuickExitNanoseconds = 1000000000;
        private const int RestartDelayMilliseconds = 1000;

        public static partial int Main(string arguments)
        {
            Console.WriteLine($"init: running as pid {Process.Id}");
            ulong agentStarted = Machine.UptimeNanoseconds;
            long agent = StartAgent();
            long shell = Process.Spawn(Shell);
            if (shell < 0)
            {
                Console.Error($"init: cannot start {Shell}: {Errno.Name(shell)}\n");
                return 1;
            }
            while (true)
            {
                long pid = Process.WaitAny(out long status);
                if (pid < 0)
                {
                    Console.Error($"init: wait failed: {Errno.Name(pid)}\n");
                    return 1;
                }
                if (pid == shell)
                {
                    Console.WriteLine($"init: {Shell} (pid {pid}) exited with status {status}; starting a new one");
                    shell = Process.Spawn(Shell);
                    if (shell < 0) { Console.Error($"init: cannot start {Shell}: {Errno.Name(shell)}\n"); return 1; }
                }
                else if (pid == agent)
                {
                    Console.WriteLine($"init: {Agent} (pid {pid}) exited with status {status}; starting a new one");
                    // An agent that dies at once would otherwise be restarted in a tight loop.
                    if ((long)(Machine.UptimeNanoseconds - agentStarted) < QuickExitNanoseconds) Process.Sleep(RestartDelayMilliseconds);
                    agentStarted = Machine.UptimeNanoseconds;
                    agent = StartAgent();
                }
            }
        }

        // Starts the agent and waits (bounded) until it blocks for fault events, so that its
        // policy is in force before the shell takes commands. Returns its pid (or the error).
        private static long StartAgent()
        {
            long pid = Process.Spawn(Agent);
            if (pid < 0)
            {
                Console.Error($"init: cannot start {Agent}: {Errno.Name(pid)}; running without it\n");
                return pid;
            }
            for (int waited = 0; waited < AgentReadyTimeoutMilliseconds; waited += AgentReadyPollMilliseconds)
            {
                string waiters = Machine.Command("nooks waiters", out _);
                bool ready = waiters != null && waiters.Length > 0 && waiters[0] != '0';
                Memory.Free(waiters);
                if (ready) return pid;
                Process.Sleep(AgentReadyPollMilliseconds);
            }
            Console.Error($"init: {Agent} (pid {pid}) not waiting for events after {AgentReadyTimeoutMilliseconds} ms; starting the shell anyway\n");
            return pid;
        }
    }
}
