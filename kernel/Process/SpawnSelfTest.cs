using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Processes
{
    // Boot option `nooks.spawntest`: spawns and reaps the `true` program many times and checks
    // that every frame and page-table page came back.
    public static class SpawnSelfTest
    {
        public const string Option = "nooks.spawntest";
        private const string Program = "true";
        private const int Rounds = 100;

        public static void Run()
        {
            // One round first, so that the kernel heap's size classes hold the pages they keep.
            if (!SpawnAndReap()) return;
            // Exited threads keep their stacks until reaped: settle that on both sides.
            Scheduler.ReapDeadThreads();
            ulong freeBefore = FrameAllocator.FreeBytes, heapBefore = KernelHeap.BytesInUse, objectsBefore = KernelHeap.LiveAllocations;
            for (int i = 0; i < Rounds; i++) if (!SpawnAndReap()) return;
            Scheduler.ReapDeadThreads();
            ulong freeAfter = FrameAllocator.FreeBytes, heapAfter = KernelHeap.BytesInUse, objectsAfter = KernelHeap.LiveAllocations;
            string verdict = freeBefore == freeAfter && heapBefore == heapAfter ? "nothing leaked" : "LEAKED";
            Log.Info("selftest", $"spawned and reaped '{Program}' {Rounds} times: free frames {freeBefore} -> {freeAfter} bytes, " +
                $"kernel heap {heapBefore} -> {heapAfter} bytes in {objectsBefore} -> {objectsAfter} blocks: {verdict}");
        }

        private static bool SpawnAndReap()
        {
            long pid = ProcessTable.Spawn(Program, "", null);
            if (pid < 0) { Log.Error("selftest", $"cannot spawn '{Program}': error {pid}"); return false; }
            long status = ProcessTable.Wait((int)pid, null);
            if (status != 0) { Log.Error("selftest", $"'{Program}' (pid {pid}) ended with {status}"); return false; }
            return true;
        }
    }
}
