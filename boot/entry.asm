; Boot entry: Multiboot1 (qemu -kernel, a.out kludge) and Multiboot2 (GRUB) headers, a 32-bit
; start that checks the CPU, builds an identity map of the low 4 GiB with 2 MiB pages, enters
; long mode and calls kmain(magic, info, modules) on a 16-byte aligned stack.
bits 32

MB1_MAGIC        equ 0x1BADB002
MB1_FLAGS        equ (1 << 0) | (1 << 1) | (1 << 16)   ; align modules, memory map, load addresses
MB2_MAGIC        equ 0xE85250D6
MB2_ARCH_I386    equ 0
COM1             equ 0x3F8
CR0_PE           equ 1 << 0
CR0_MP           equ 1 << 1
CR0_EM           equ 1 << 2
CR0_WP           equ 1 << 16
CR0_PG           equ 1 << 31
CR4_PAE          equ 1 << 5
CR4_OSFXSR       equ 1 << 9
CR4_OSXMMEXCPT   equ 1 << 10
EFER_MSR         equ 0xC0000080
EFER_LME         equ 1 << 8
EFER_NXE         equ 1 << 11
PTE_PRESENT      equ 1 << 0
PTE_WRITE        equ 1 << 1
PTE_LARGE        equ 1 << 7
CPUID_EXT_LM     equ 1 << 29
CPUID_EXT_NX     equ 1 << 20
CPUID_SSE2       equ 1 << 26
BOOT_STACK_SIZE  equ 64 * 1024

extern __load_start, __load_end, __bss_end, __modules_start, __modules_end
extern kmain
global _start, boot_stack_top, boot_pml4

section .multiboot
align 4
mb1_header:
    dd MB1_MAGIC
    dd MB1_FLAGS
    dd -(MB1_MAGIC + MB1_FLAGS)
    dd mb1_header
    dd __load_start
    dd __load_end
    dd __bss_end
    dd _start

align 8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    align 8
    dw 6, 0                     ; module alignment tag: page-align modules
    dd 8
    dw 0, 0                     ; end tag
    dd 8
mb2_header_end:

section .boot32 progbits alloc exec
_start:
    cli
    mov edi, eax                ; bootloader magic
    mov esi, ebx                ; boot information
    mov esp, boot_stack_top

    ; The CPU must offer long mode, NX and SSE2: ILC's code assumes all three.
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .unsupported
    mov eax, 0x80000001
    cpuid
    test edx, CPUID_EXT_LM
    jz .unsupported
    test edx, CPUID_EXT_NX
    jz .unsupported
    mov eax, 1
    cpuid
    test edx, CPUID_SSE2
    jz .unsupported

    ; Identity map 0..4 GiB: PML4[0] -> PDPT, PDPT[0..3] -> four page directories of 2 MiB pages.
    mov eax, boot_pdpt
    or eax, PTE_PRESENT | PTE_WRITE
    mov [boot_pml4], eax
    xor ecx, ecx
.pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, boot_pd
    or eax, PTE_PRESENT | PTE_WRITE
    mov [boot_pdpt + ecx * 8], eax
    inc ecx
    cmp ecx, 4
    jne .pdpt
    xor ecx, ecx
.pd:
    mov eax, ecx
    shl eax, 21
    or eax, PTE_PRESENT | PTE_WRITE | PTE_LARGE
    mov [boot_pd + ecx * 8], eax
    mov eax, ecx
    shr eax, 11                 ; high dword of the physical address
    mov [boot_pd + ecx * 8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .pd

    mov eax, boot_pml4
    mov cr3, eax
    mov eax, cr4
    or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT
    mov cr4, eax
    mov ecx, EFER_MSR
    rdmsr
    or eax, EFER_LME | EFER_NXE
    wrmsr
    mov eax, cr0
    and eax, ~CR0_EM
    or eax, CR0_PE | CR0_MP | CR0_PG | CR0_WP
    mov cr0, eax
    lgdt [boot_gdt_pointer]
    jmp 0x08:long_mode

.unsupported:
    mov esi, unsupported_message
.print:
    lodsb
    test al, al
    jz .halt
    mov ah, al
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    mov dx, COM1
    mov al, ah
    out dx, al
    jmp .print
.halt:
    hlt
    jmp .halt

unsupported_message:
    db "Nooks.OS: this CPU lacks long mode, NX or SSE2; it cannot run the kernel.", 13, 10, 0

align 8
boot_gdt:
    dq 0
    dq 0x00AF9A000000FFFF       ; 64-bit code, ring 0
    dq 0x00CF92000000FFFF       ; data, ring 0
boot_gdt_end:
boot_gdt_pointer:
    dw boot_gdt_end - boot_gdt - 1
    dq boot_gdt

bits 64
long_mode:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, boot_stack_top
    xor rbp, rbp
    ; edi = magic, esi = info (zero-extended by the 32-bit moves above)
    mov edi, edi
    mov esi, esi
    mov rdx, __modules_start
    mov rcx, __modules_end
    call kmain
.halt:
    cli
    hlt
    jmp .halt

section .bss
align 4096
boot_pml4:  resb 4096
boot_pdpt:  resb 4096
boot_pd:    resb 4 * 4096
boot_stack_guard: resb 4096     ; left unmapped by the kernel's page tables: overflow faults
boot_stack: resb BOOT_STACK_SIZE
boot_stack_top:

; The linker's section boundaries, for the kernel's page tables and frame allocator.
section .rodata
global kernel_layout
kernel_layout:
    dq __load_start, __text_start, __text_end, __rodata_start, __rodata_end, __data_start, __bss_end, boot_stack_guard
extern __text_start, __text_end, __rodata_start, __rodata_end, __data_start
