using Nooks.Api;
using Nooks.Commands;
using Nooks.Isolation;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Loader;
using Nooks.Tracking;

namespace Nooks.Extensions
{
    // Loading, unloading and restarting extensions, and releasing what they hold.
    public static class ExtensionLifecycle
    {
        // insmod: returns null or why it failed.
        // `alias` names a second instance of the same image (e.g. a native and an isolated copy).
        public static string Load(string image, ExtensionMode mode, string alias = null)
        {
            string name = alias ?? image;
            Extension existing = ExtensionRegistry.Find(name);
            if (existing != null && existing.State != ExtensionState.Unloaded) return $"{name} is already loaded ({ExtensionNames.Of(existing.Mode)})";
            Kernel.Boot.BootModule? module = Kernel.Kmain.Boot.FindModule(image);
            if (!module.HasValue) return $"no extension image named '{image}' among the boot modules";
            Kernel.Boot.BootModule m = module.Value;
            var ext = new Extension(name, m.Start, m.End - m.Start, mode);
            if (existing != null)
            {
                ExtensionRegistry.Remove(existing);
                KernelCommands.Forget(existing);
                existing.Tracker.Free();
                KernelHeap.FreeObject(existing.LastFault);
                KernelHeap.FreeObject(existing);
            }
            if (!ExtensionRegistry.Add(ext)) return "too many extensions";
            ext.Device = DeviceBindings.Find(ext, image);
            string error = ExtensionLoader.Load(ext);
            if (error != null)
            {
                ReleaseAll(ext);
                ext.State = ExtensionState.Unloaded;
                return error;
            }
            Log.Info("nooks", $"loaded {name} ({ExtensionNames.Of(mode)}) at 0x{ext.Image.Base:x}, {ext.Image.Size} bytes");
            return null;
        }

        // rmmod: returns null or why it failed.
        public static string Unload(Extension ext)
        {
            int sleeping = Services.KernelServices.SleepingIn(ext);
            if (!ext.IsIsolated && sleeping > 0) return $"{ext.Name} is native and {sleeping} thread(s) sleep in it: they would wake into freed code";
            if (ext.State == ExtensionState.Running && ext.Image.Exit != 0) Gate.Call(ext, ext.Image.Exit);
            // From here on nothing enters the extension, and threads asleep in it unwind when woken.
            ext.State = ExtensionState.Unloaded;
            int leaked = ext.Tracker.CountOf(ObjectKind.Memory) + ext.Tracker.CountOf(ObjectKind.DmaBuffer);
            ulong leakedBytes = ext.Tracker.BytesOf(ObjectKind.Memory) + ext.Tracker.BytesOf(ObjectKind.DmaBuffer);
            ReleaseAll(ext);
            Log.Info("nooks", $"unloaded {ext.Name}; released {leaked} memory objects ({leakedBytes} bytes) it still held");
            return null;
        }

        // After a fault: release everything, discard the domain, load a fresh image, init again.
        public static void Restart(Extension ext)
        {
            ulong started = Log.Now();
            ext.State = ExtensionState.Recovering;
            ReleaseAll(ext);
            ext.Tracker.Free();
            ext.Tracker = new ObjectTracker();
            string error = ExtensionLoader.Load(ext);
            if (error != null)
            {
                ReleaseAll(ext);
                ext.State = ExtensionState.Failed;
                Log.Error("nooks", $"could not restart {ext.Name}: {error}");
                return;
            }
            ext.Restarts++;
            ext.LastRecoveryNanos = Log.Now() - started;
            Log.Info("nooks", $"restarted {ext.Name} ({ExtensionNames.Of(ext.Mode)}) in {ext.LastRecoveryNanos / 1000} us");
        }

        // Gives back every tracked object, the image, the mailbox and the domain.
        public static void ReleaseAll(Extension ext)
        {
            // Entry points first, so nothing calls into the extension while its memory goes.
            ReleaseKind(ext, ObjectKind.Command);
            ReleaseKind(ext, ObjectKind.Irq);
            ReleaseKind(ext, ObjectKind.Timer);
            ReleaseKind(ext, ObjectKind.NetDevice);
            Services.KernelServices.QuiesceDevice(ext);
            ReleaseKind(ext, ObjectKind.Lock);
            ReleaseKind(ext, ObjectKind.WaitQueue);
            if (ext.Domain != null) Gate.WaitForThreadsToLeave(ext.Domain);
            ReleaseKind(ext, ObjectKind.Packet);
            Services.KernelServices.ReleasePacketPool(ext);
            ReleaseKind(ext, ObjectKind.MmioMapping);
            ReleaseKind(ext, ObjectKind.DmaBuffer);
            ReleaseKind(ext, ObjectKind.Memory);
            ext.Tracker.ClearEntryPoints();
            if (ext.Image != null)
            {
                ExtensionMemory.Unmap(ext, ext.Image.Base, ext.Image.Pages);
                KernelHeap.FreeObject(ext.Image);
                ext.Image = null;
            }
            if (ext.Mailbox != 0)
            {
                ExtensionMemory.Unmap(ext, ext.Mailbox, 1);
                ext.Mailbox = 0;
            }
            if (ext.Domain != null)
            {
                ext.Domain.ReleaseStacks();
                Domain d = ext.Domain;
                ext.Domain = null;
                d.Destroy();
                Gate.ReleaseDomain(d);
                KernelHeap.FreeObject(d);
            }
        }

        private static void ReleaseKind(Extension ext, ObjectKind kind)
        {
            ObjectTracker t = ext.Tracker;
            for (int i = t.Count - 1; i >= 0; i--)
            {
                TrackedObject o = t[i];
                if (o.Kind != kind) continue;
                Release(ext, o);
                t.Remove(o.Kind, o.Value);
            }
        }

        private static void Release(Extension ext, TrackedObject o)
        {
            switch (o.Kind)
            {
                case ObjectKind.Command: KernelCommands.Unregister(ext, (long)o.Value); break;
                case ObjectKind.Memory: ExtensionMemory.Unmap(ext, o.Value, o.Size / PageSize.Small); break;
                default: Services.KernelServices.Release(ext, o); break;
            }
        }
    }
}
