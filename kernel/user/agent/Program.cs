using System;
using Nooks.Abi;

namespace Nooks.User
{
    // The user-mode recovery agent. The kernel recovers a failed extension at the moment of the
    // fault with the policy the agent set; the agent owns that policy (agent.conf), is told of
    // every fault (`nooks wait-events` blocks until there is one), logs it, and carries out what
    // the kernel cannot decide alone: reloading an extension in another mode after repeated
    // faults (fallback rules). init starts it before the shell and restarts it if it exits.
    public static partial class Program
    {
        private const string ConfigName = "agent.conf";
        private const string LocalConfigName = "agent.local.conf";
        private const int WaitTimeoutMilliseconds = 60000;
        private const int RetryMilliseconds = 1000;
        private const int MaxTracked = 16;

        private static AgentConfig config;
        // Per extension seen in an event: faults since the agent started, and the fault whose
        // outcome (restarted, disabled, restart failed) has not come yet.
        private static readonly string[] names = new string[MaxTracked];
        private static readonly int[] faults = new int[MaxTracked];
        private static readonly string[] pending = new string[MaxTracked];
        private static int tracked;
        private static readonly bool[] fellBack = new bool[AgentConfig.MaxFallbacks];

        public static partial int Main(string arguments)
        {
            config = new AgentConfig();
            bool haveMain = Load(ConfigName, required: true);
            bool haveLocal = Load(LocalConfigName, required: false);
            for (int i = 0; i < config.ErrorCount; i++) Say($"bad config line, ignored: {config.Errors[i]}");
            string policy = Apply();
            string sources = haveMain && haveLocal ? $"{ConfigName} + {LocalConfigName}" : haveLocal ? LocalConfigName : haveMain ? ConfigName : "no config";
            Say($"applied {sources} ({config.Directives} directives, {config.ErrorCount} bad lines): {policy}");
            Memory.Free(policy);
            for (int i = 0; i < config.FallbackCount; i++)
                Say($"fallback: {config.FallbackNames[i]} is reloaded {Mode(config.FallbackNative[i])} after {config.FallbackAfter[i]} faults");

            long last = SkipEarlierEvents();
            while (true)
            {
                string request = $"nooks wait-events {last} {WaitTimeoutMilliseconds}";
                string events = Machine.Command(request, out long error);
                Memory.Free(request);
                if (events == null)
                {
                    Say($"nooks wait-events failed: {Errno.Name(error)}; retrying");
                    Process.Sleep(RetryMilliseconds);
                    continue;
                }
                last = Handle(events, last);
                Memory.Free(events);
            }
        }

        private static bool Load(string name, bool required)
        {
            string text = Machine.ReadModuleText(name, out long error);
            if (text == null)
            {
                if (required) Say(error == Errno.NoSuchEntry ? $"no {name} boot module: keeping the kernel's policy" : $"cannot read {name}: {Errno.Name(error)}");
                return false;
            }
            config.Parse(name, text);
            Memory.Free(text);
            return true;
        }

        // Sets the kernel's recovery policy from the config; returns the kernel's description.
        private static string Apply()
        {
            if (config.ActionSet) Run(config.DisableByDefault ? "nooks policy disable" : "nooks policy restart");
            if (config.DisableFailures >= 0)
            {
                string limit = $"nooks policy limit {config.DisableFailures} {config.DisableSeconds}";
                Run(limit);
                Memory.Free(limit);
            }
            string output = Machine.Command("nooks policy", out long error);
            if (output == null) return $"the kernel has no nooks command ({Errno.Name(error)})";
            string description = TrimEnd(output);
            Memory.Free(output);
            return description;
        }

        // Runs a kernel command; says its output if it was not the usual answer.
        private static void Run(string command)
        {
            string output = Machine.Command(command, out long error);
            if (output == null) Say($"{command}: {Errno.Name(error)}");
            else if (!output.StartsWith("policy:")) Say(TrimEnd(output));
            Memory.Free(output);
        }

        // Events from before this agent started are history (a restarted agent must not count
        // them again): start after the newest.
        private static long SkipEarlierEvents()
        {
            string events = Machine.Command("nooks wait-events 0 1", out _);
            long last = 0;
            if (events != null)
                for (int start = 0; start < events.Length;)
                {
                    int end = LineEnd(events, start);
                    if (TryParseLeadingNumber(events, start, end, out long seq, out _)) last = seq;
                    start = end + 1;
                }
            Memory.Free(events);
            if (last > 0) Say($"{last} events from before the agent started are not replayed");
            return last;
        }

        // Each line: SEQ TIME EXTENSION EVENT. Returns the newest sequence number seen.
        private static long Handle(string events, long last)
        {
            for (int start = 0; start < events.Length;)
            {
                int end = LineEnd(events, start);
                if (TryParseLeadingNumber(events, start, end, out long seq, out int at))
                {
                    if (seq > last + 1) Say($"missed {seq - last - 1} events (the kernel keeps the newest 64)");
                    if (seq > last) last = seq;
                    int timeEnd = WordEnd(events, at, end);
                    int nameStart = timeEnd + 1;
                    int nameEnd = WordEnd(events, nameStart, end);
                    if (nameStart < end && nameEnd < end) HandleEvent(events, nameStart, nameEnd, nameEnd + 1, end);
                }
                start = end + 1;
            }
            return last;
        }

        private static void HandleEvent(string line, int nameStart, int nameEnd, int eventStart, int eventEnd)
        {
            ReadOnlySpan<char> name = line.AsSpan().Slice(nameStart, nameEnd - nameStart);
            ReadOnlySpan<char> what = line.AsSpan().Slice(eventStart, eventEnd - eventStart);
            int t = Track(name);
            if (t < 0) { string text = new string(what); Say($"{new string(name)}: {text}"); Memory.Free(text); return; }
            if (Begins(what, "fault: "))
            {
                if (pending[t] != null) Outcome(t, "no recovery reported");
                faults[t]++;
                pending[t] = new string(what.Slice("fault: ".Length));
            }
            else if (Begins(what, "restarted "))
            {
                string detail = new string(what.Slice("restarted ".Length));
                Outcome(t, $"kernel restarted it {detail}");
                Memory.Free(detail);
            }
            else if (what.SequenceEqual("disabled by the recovery policy")) Outcome(t, "kernel disabled it (recovery policy)");
            else if (what.SequenceEqual("restart failed")) Outcome(t, "the kernel could not restart it");
            else
            {
                string text = new string(what);
                Say($"{names[t]}: {text}");
                Memory.Free(text);
            }
        }

        // Says what happened to a fault, then applies a fallback rule that has come due.
        private static void Outcome(int t, string what)
        {
            string fault = pending[t] ?? "fault not seen";
            Say($"{names[t]} failed ({fault}); {what}");
            Memory.Free(pending[t]);
            pending[t] = null;
            Memory.Free(what);
            Fallback(t);
        }

        private static void Fallback(int t)
        {
            int rule = config.FindFallback(names[t]);
            if (rule < 0 || fellBack[rule] || faults[t] < config.FallbackAfter[rule]) return;
            fellBack[rule] = true;
            string mode = Mode(config.FallbackNative[rule]);
            Say($"{names[t]} failed {faults[t]} times: reloading it {mode} (fallback rule)");
            string rmmod = $"rmmod {names[t]}";
            Run(rmmod);
            Memory.Free(rmmod);
            string insmod = $"insmod {names[t]} --{mode}";
            Run(insmod);
            Memory.Free(insmod);
        }

        private static bool Begins(ReadOnlySpan<char> text, string prefix) =>
            text.Length >= prefix.Length && text.Slice(0, prefix.Length).SequenceEqual(prefix);

        private static string Mode(bool native) => native ? "native" : "isolated";

        // The slot for an extension name, added if new; -1 if the table is full.
        private static int Track(ReadOnlySpan<char> name)
        {
            for (int i = 0; i < tracked; i++) if (name.SequenceEqual(names[i])) return i;
            if (tracked == MaxTracked) return -1;
            names[tracked] = new string(name);
            return tracked++;
        }

        // One line on the console, written in one piece so that it does not interleave with the
        // shell's output; frees `text`.
        private static void Say(string text)
        {
            string line = string.Concat("agent: ", text, "\n");
            Console.Write(line);
            Memory.Free(line);
            Memory.Free(text);
        }

        private static string TrimEnd(string text)
        {
            int n = text.Length;
            while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' ')) n--;
            return text.Substring(0, n);
        }

        private static int LineEnd(string text, int start)
        {
            int end = start;
            while (end < text.Length && text[end] != '\n') end++;
            return end;
        }

        private static int WordEnd(string text, int start, int end)
        {
            while (start < end && text[start] != ' ') start++;
            return start;
        }

        // The decimal number starting a line, and where the next word starts.
        private static bool TryParseLeadingNumber(string text, int start, int end, out long value, out int next)
        {
            value = 0;
            int i = start;
            while (i < end && text[i] >= '0' && text[i] <= '9' && value < long.MaxValue / 10) value = value * 10 + (text[i++] - '0');
            next = i + 1;
            return i > start && i < end && text[i] == ' ';
        }
    }
}
