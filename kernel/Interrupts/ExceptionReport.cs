using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;

namespace Nooks.Kernel.Interrupts
{
    // The report printed when the kernel itself takes a CPU exception: enough to find the bug
    // from the serial log alone.
    public static unsafe class ExceptionReport
    {
        public const int PageFaultVector = 14;
        private const ulong PageFaultPresent = 1, PageFaultWrite = 2, PageFaultUser = 4, PageFaultFetch = 16;

        public static string VectorName(ulong vector) => vector switch
        {
            0 => "divide error (#DE)",
            1 => "debug (#DB)",
            2 => "non-maskable interrupt",
            3 => "breakpoint (#BP)",
            4 => "overflow (#OF)",
            5 => "bound range exceeded (#BR)",
            6 => "invalid opcode (#UD)",
            7 => "device not available (#NM)",
            8 => "double fault (#DF)",
            10 => "invalid TSS (#TS)",
            11 => "segment not present (#NP)",
            12 => "stack-segment fault (#SS)",
            13 => "general protection fault (#GP)",
            14 => "page fault (#PF)",
            16 => "x87 floating-point error (#MF)",
            17 => "alignment check (#AC)",
            18 => "machine check (#MC)",
            19 => "SIMD floating-point error (#XM)",
            20 => "virtualization exception (#VE)",
            21 => "control protection (#CP)",
            _ => "reserved exception",
        };

        public static string DescribePageFault(ulong error) =>
            $"{((error & PageFaultPresent) != 0 ? "protection violation" : "page not present")} on {((error & PageFaultFetch) != 0 ? "instruction fetch" : (error & PageFaultWrite) != 0 ? "write" : "read")} in {((error & PageFaultUser) != 0 ? "user" : "kernel")} mode";

        public static void PanicWith(InterruptFrame* f)
        {
            Panic.Begin();
            Terminal.WriteRaw($"\n*** KERNEL PANIC: {VectorName(f->Vector)}, vector {f->Vector}, error code {f->ErrorCode:x}\n");
            if (f->Vector == PageFaultVector)
                Terminal.WriteRaw($"    CR2 {Cpu.ReadCr2():x16}: {DescribePageFault(f->ErrorCode)}\n");
            Terminal.WriteRaw($"    RIP {f->Rip:x16} in {Symbols.Describe(f->Rip)}\n");
            WriteRegisters(f);
            Terminal.WriteRaw("    call chain (frame pointers):\n");
            Symbols.WriteBacktrace(f->Rbp);
            Panic.End();
        }

        public static void WriteRegisters(InterruptFrame* f)
        {
            Terminal.WriteRaw($"    RAX {f->Rax:x16} RBX {f->Rbx:x16} RCX {f->Rcx:x16}\n");
            Terminal.WriteRaw($"    RDX {f->Rdx:x16} RSI {f->Rsi:x16} RDI {f->Rdi:x16}\n");
            Terminal.WriteRaw($"    RBP {f->Rbp:x16} RSP {f->Rsp:x16} R8  {f->R8:x16}\n");
            Terminal.WriteRaw($"    R9  {f->R9:x16} R10 {f->R10:x16} R11 {f->R11:x16}\n");
            Terminal.WriteRaw($"    R12 {f->R12:x16} R13 {f->R13:x16} R14 {f->R14:x16}\n");
            Terminal.WriteRaw($"    R15 {f->R15:x16} RFLAGS {f->Rflags:x8} CS {f->Cs:x} SS {f->Ss:x}\n");
            Terminal.WriteRaw($"    CR0 {Cpu.ReadCr0():x} CR3 {Cpu.ReadCr3():x} CR4 {Cpu.ReadCr4():x}\n");
        }
    }
}
