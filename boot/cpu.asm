; Single privileged instructions, called from C# through [RuntimeImport]. System V ABI:
; arguments in rdi, rsi, rdx, rcx; result in rax. No red zone use.
bits 64
section .text

global k_outb, k_outw, k_outd, k_inb, k_inw, k_ind
k_outb: mov dx, di
        mov al, sil
        out dx, al
        ret
k_outw: mov dx, di
        mov ax, si
        out dx, ax
        ret
k_outd: mov dx, di
        mov eax, esi
        out dx, eax
        ret
k_inb:  mov dx, di
        xor eax, eax
        in al, dx
        ret
k_inw:  mov dx, di
        xor eax, eax
        in ax, dx
        ret
k_ind:  mov dx, di
        in eax, dx
        ret

global k_read_cr0, k_read_cr2, k_read_cr3, k_read_cr4, k_write_cr0, k_write_cr3, k_write_cr4
k_read_cr0:  mov rax, cr0
             ret
k_read_cr2:  mov rax, cr2
             ret
k_read_cr3:  mov rax, cr3
             ret
k_read_cr4:  mov rax, cr4
             ret
k_write_cr0: mov cr0, rdi
             ret
k_write_cr3: mov cr3, rdi
             ret
k_write_cr4: mov cr4, rdi
             ret

global k_rdmsr, k_wrmsr, k_rdtsc, k_cpuid, k_invlpg
k_rdmsr: mov ecx, edi
         rdmsr
         shl rdx, 32
         or rax, rdx
         ret
k_wrmsr: mov ecx, edi
         mov eax, esi
         mov rdx, rsi
         shr rdx, 32
         wrmsr
         ret
k_rdtsc: rdtsc
         shl rdx, 32
         or rax, rdx
         ret
; k_cpuid(leaf, subleaf, uint* out4): eax, ebx, ecx, edx into out4[0..3]
k_cpuid: push rbx
         mov r8, rdx
         mov eax, edi
         mov ecx, esi
         cpuid
         mov [r8], eax
         mov [r8 + 4], ebx
         mov [r8 + 8], ecx
         mov [r8 + 12], edx
         pop rbx
         ret
k_invlpg: invlpg [rdi]
          ret

global k_cli, k_sti, k_hlt, k_pause, k_read_rflags, k_sti_hlt, k_save_disable_interrupts, k_restore_interrupts
k_cli:   cli
         ret
k_sti:   sti
         ret
k_hlt:   hlt
         ret
k_pause: pause
         ret
k_sti_hlt: sti
           hlt
           ret
k_read_rflags: pushfq
               pop rax
               ret
; Returns the previous RFLAGS and disables interrupts; k_restore_interrupts puts IF back.
k_save_disable_interrupts: pushfq
                           pop rax
                           cli
                           ret
k_restore_interrupts: test edi, 0x200
                      jz .off
                      sti
.off:                 ret

global k_lgdt, k_lidt, k_ltr, k_reload_segments
k_lgdt: lgdt [rdi]
        ret
k_lidt: lidt [rdi]
        ret
k_ltr:  ltr di
        ret
; k_reload_segments(code selector, data selector)
k_reload_segments:
        mov ax, si
        mov ds, ax
        mov es, ax
        mov ss, ax
        xor eax, eax
        mov fs, ax
        mov gs, ax
        pop rax
        push rdi
        push rax
        retfq

extern kernel_layout
global k_kernel_layout
k_kernel_layout:
        lea rax, [rel kernel_layout]
        ret

; Pages for the kernel heap before the frame allocator exists (class constructors run first).
EARLY_HEAP_SIZE equ 4 * 1024 * 1024
global k_early_heap
k_early_heap:
        lea rax, [rel early_heap]
        ret
section .bss
align 4096
early_heap: resb EARLY_HEAP_SIZE

section .text
global k_read_rbp
k_read_rbp:
        mov rax, rbp
        ret
extern ksyms_table
global k_ksyms
k_ksyms:
        lea rax, [rel ksyms_table]
        ret
