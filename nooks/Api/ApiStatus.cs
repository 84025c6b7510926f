namespace Nooks.Api
{
    // Results of kernel calls and extension entry points: zero or positive is success, negative
    // values are errors (numbered like the Linux errno values engineers already know).
    public static class ApiStatus
    {
        public const int Ok = 0;
        // A call that may sleep, made where the caller must not (interrupt handler, timer, lock held).
        public const int WouldBlock = -11;
        public const int NoMemory = -12;
        public const int BadPointer = -14;
        public const int Busy = -16;
        public const int NoDevice = -19;
        public const int Invalid = -22;
        public const int BadHandle = -9;
        public const int NotSupported = -38;
        public const int TimedOut = -110;
        // The extension faulted during the call and is being recovered.
        public const int ExtensionFailed = -1000;
    }
}
