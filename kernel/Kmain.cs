using System;
using System.Runtime;
using System.Runtime.InteropServices;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Abi;
using Nooks.Kernel.Info;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;
using Nooks.Kernel.Syscalls;

namespace Nooks.Kernel
{
    public static unsafe class Kmain
    {
        public const string Banner = "Nooks.OS 0.1 (x86_64, C# NativeAOT kernel)";

        public static BootInfo Boot { get; private set; }

        [UnmanagedCallersOnly(EntryPoint = "kmain")]
        public static void Main(uint magic, ulong bootInfo, void** modulesStart, void** modulesEnd)
        {
            Serial.Initialize();
            if (modulesStart == modulesEnd || !ImageStartup.Run(*modulesStart))
            {
                Terminal.WriteRaw("kernel image has no ReadyToRun header\n");
                Cpu.HaltForever();
            }
            Terminal.WriteRaw("\n" + Banner + "\n");

            Boot = MultibootParser.Parse(magic, bootInfo, &ReadPhysical);
            if (Boot.Error != null) Panic.Halt($"boot information: {Boot.Error}");
            if (Boot.RegionCount == 0) Panic.Halt("the bootloader gave no memory map");
            Log.Info("boot", $"loader {Boot.Loader}, command line '{Boot.CommandLine}', {Boot.ModuleCount} modules");

            FrameAllocator.Initialize(Boot);
            KernelHeap.FramesAvailable();
            KernelPaging.Initialize(Boot);
            Log.Info("mem", $"{FrameAllocator.TotalBytes / 1024} KiB usable, {FrameAllocator.FreeBytes / 1024} KiB free, kernel image {KernelLayout.ImageStart:x}-{KernelLayout.ImageEnd:x}");
            Gdt.Initialize();
            Idt.Initialize();
            Log.Info("cpu", "GDT, TSS with IST stacks and IDT loaded");
            SyscallSetup.Initialize();
            UserFaults.Initialize();
            SystemReports.Register();

            if (Boot.HasOption(SpawnSelfTest.Option)) SpawnSelfTest.Run();
            StartInit();
            // The boot thread has nothing left to do.
            Cpu.HaltForever();
        }

        private const string InitProgram = "init";

        private static void StartInit()
        {
            if (Boot.FindModule(InitProgram) == null)
            {
                Log.Error("init", "no init program among the boot modules; boot with -initrd out/user/init,out/user/sh,...");
                return;
            }
            Log.Info("init", "starting init");
            long result = ProcessTable.Spawn(InitProgram, "", null);
            if (result < 0) Log.Error("init", $"cannot start init: {Errno.Name(result)}");
            else Log.Warn("init", "init exited; nothing left to run");
        }

        private static ReadOnlySpan<byte> ReadPhysical(ulong address, int length) => new ReadOnlySpan<byte>((void*)address, length);
    }
}
