using Nooks.Extensions;
using Nooks.Isolation;

namespace Nooks.Commands
{
    // Commands the shell passes to the kernel (`insmod`, `lsmod`, `nooks`, ...) and commands
    // extensions register (`fault`, `null`): a line in, text out.
    public static unsafe class KernelCommands
    {
        private const int Capacity = 48;
        private struct Entry
        {
            public string Name;
            public string Usage;
            public ulong KernelHandler;       // delegate*<string, string>, or 0
            public Extension Owner;           // for extension commands
            public ulong ExtensionHandler;
            public long Handle;
        }

        private static readonly Entry[] entries = new Entry[Capacity];
        private static int count;
        private static long nextHandle = 1;

        // Commands whose extension let go of them (failed, disabled, unloaded), so that using one
        // says why it is gone instead of "command not found". A name leaves when it is
        // registered again or its extension's record is freed.
        private struct Retired
        {
            public string Name;
            public Extension Owner;
        }
        private static readonly Retired[] retired = new Retired[Capacity];
        private static int retiredCount;

        public static void Register(string name, string usage, delegate*<string, string> handler)
        {
            if (count == Capacity) Kernel.Panic.Halt("too many kernel commands");
            entries[count++] = new Entry { Name = name, Usage = usage, KernelHandler = (ulong)handler };
        }

        public static long RegisterExtension(Extension owner, string name, ulong handler)
        {
            if (count == Capacity || Find(name) >= 0) return Api.ApiStatus.Busy;
            int r = FindRetired(name);
            if (r >= 0) RemoveRetired(r);
            long handle = nextHandle++;
            entries[count++] = new Entry { Name = name, Usage = $"{name} ... (from extension {owner.Name})", Owner = owner, ExtensionHandler = handler, Handle = handle };
            return handle;
        }

        public static bool Unregister(Extension owner, long handle)
        {
            for (int i = 0; i < count; i++)
                if (entries[i].Owner == owner && entries[i].Handle == handle)
                {
                    if (retiredCount < Capacity) retired[retiredCount++] = new Retired { Name = entries[i].Name, Owner = owner };
                    else Kernel.Memory.KernelHeap.FreeObject(entries[i].Name);
                    Kernel.Memory.KernelHeap.FreeObject(entries[i].Usage);
                    entries[i] = entries[--count];
                    entries[count] = default;
                    return true;
                }
            return false;
        }

        // Runs `line`; returns its output, or null if no command has that name.
        public static string Execute(string line)
        {
            ReadOnlySpanHelpers.SplitFirstWord(line, out string name, out string args);
            int i = Find(name);
            string output = null;
            if (i >= 0)
            {
                Entry e = entries[i];
                output = e.KernelHandler != 0
                    ? ((delegate*<string, string>)e.KernelHandler)(args)
                    : ExtensionCommand.Run(e.Owner, e.ExtensionHandler, name, args);
            }
            else if (FindRetired(name) is int r && r >= 0) output = WhyGone(name, retired[r].Owner);
            Kernel.Memory.KernelHeap.FreeObject(name);
            Kernel.Memory.KernelHeap.FreeObject(args);
            return output;
        }

        public static void RegisterListing() => Register("commands", "commands  list the kernel's commands", &List);

        private static string List(string args) => Help();

        public static string Help()
        {
            var text = new System.Text.TextBuilder();
            for (int i = 0; i < count; i++) text.Append($"  {entries[i].Usage}\n");
            return text.Finish();
        }

        private static string WhyGone(string name, Extension owner) => owner.State switch
        {
            ExtensionState.Disabled => $"{name}: extension {owner.Name} was disabled by the recovery policy after {owner.Faults} faults (`nooks events`); `rmmod {owner.Name}` and `insmod {owner.Name}` load it again\n",
            ExtensionState.Unloaded => $"{name}: extension {owner.Name} is unloaded (`insmod {owner.Name}`)\n",
            ExtensionState.Running => $"{name}: extension {owner.Name} no longer offers it\n",
            _ => $"{name}: extension {owner.Name} is {ExtensionNames.Of(owner.State)}; try again when it is running\n",
        };

        // The extension's record is about to be freed: its retired names go with it.
        public static void Forget(Extension owner)
        {
            for (int i = retiredCount - 1; i >= 0; i--)
                if (retired[i].Owner == owner) RemoveRetired(i);
        }

        private static int FindRetired(string name)
        {
            for (int i = 0; i < retiredCount; i++) if (retired[i].Name == name) return i;
            return -1;
        }

        private static void RemoveRetired(int i)
        {
            Kernel.Memory.KernelHeap.FreeObject(retired[i].Name);
            retired[i] = retired[--retiredCount];
            retired[retiredCount] = default;
        }

        private static int Find(string name)
        {
            for (int i = 0; i < count; i++) if (entries[i].Name == name) return i;
            return -1;
        }
    }
}
