namespace Nooks.Abi
{
    // Bounds of the recovery policy, shared by the kernel that enforces it and the agent whose
    // config sets it (this file is compiled into both).
    public static class RecoveryLimits
    {
        // The kernel keeps the times of an extension's last MaxFailuresInWindow + 1 faults,
        // enough to tell whether more than the policy's limit fell within its window.
        public const int MaxFailuresInWindow = 1000;

        // A day: longer windows would overflow the window in nanoseconds long before they
        // meant anything for a driver's health.
        public const int MaxWindowSeconds = 86400;
    }
}
