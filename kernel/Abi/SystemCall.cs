namespace Nooks.Abi
{
    // The system call numbers, shared by the kernel's dispatcher and the user runtime (this file
    // is compiled into both). The number goes in RAX, arguments in RDI, RSI, RDX, R10, R8, R9,
    // the result comes back in RAX: a value >= 0, or a negative error from Errno.
    public enum SystemCall : long
    {
        Exit = 0,           // (status): does not return
        Write = 1,          // (fd, bytes, length) -> bytes written
        Read = 2,           // (fd, bytes, capacity) -> bytes read: one line from the console
        Spawn = 3,          // (name, nameLength, argument, argumentLength) -> pid
        Wait = 4,           // (pid) -> exit status
        GetPid = 5,         // () -> pid
        Uptime = 6,         // () -> nanoseconds since boot
        Sleep = 7,          // (milliseconds) -> 0
        Yield = 8,          // () -> 0
        Info = 9,           // (name, nameLength, buffer, capacity) -> length of the whole report
        GrowHeap = 10,      // (bytes) -> address of the new bytes
        PowerOff = 11,      // (): does not return
        Reboot = 12,        // (): does not return
        KernelFault = 13,   // (): test-only, makes the kernel take an exception
        Command = 14,       // (line, lineLength, buffer, capacity) -> output length (truncated to capacity); NoSuchEntry if no kernel command has that name
        ReadModule = 15,    // (name, nameLength, buffer, capacity) -> the boot module's whole length; copies what fits
        WaitAny = 16,       // (status*) -> pid of an exited child, its exit status stored at status (a long)
    }

    // Negative results of system calls; the values are Linux's so that they are recognisable.
    public static class Errno
    {
        public const long NotPermitted = -1;       // EPERM
        public const long NoSuchEntry = -2;        // ENOENT: no such program or report
        public const long NotExecutable = -8;      // ENOEXEC: the program image is invalid
        public const long BadFileDescriptor = -9;  // EBADF
        public const long NoChild = -10;           // ECHILD: not a child, or already waited for
        public const long TryAgain = -11;          // EAGAIN: the process table is full
        public const long OutOfMemory = -12;       // ENOMEM
        public const long BadAddress = -14;        // EFAULT
        public const long InvalidArgument = -22;   // EINVAL
        public const long NotImplemented = -38;    // ENOSYS

        public static string Name(long error) => error switch
        {
            NotPermitted => "operation not permitted",
            NoSuchEntry => "no such file or program",
            NotExecutable => "not a valid program image",
            BadFileDescriptor => "bad file descriptor",
            TryAgain => "too many processes",
            NoChild => "no such child process",
            OutOfMemory => "out of memory",
            BadAddress => "bad address",
            InvalidArgument => "invalid argument",
            NotImplemented => "no such system call",
            _ => "unknown error",
        };
    }

    // Exit statuses with a fixed meaning.
    public static class ExitStatus
    {
        // A process killed by CPU exception n exits with KilledByException + n.
        public const int KilledByException = 128;
        // The user runtime could not go on (failed bounds or null check, out of memory).
        public const int RuntimeFault = 127;
    }
}
