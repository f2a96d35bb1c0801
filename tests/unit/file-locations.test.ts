import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultSaveFolder,
  isInside,
  refusedSaveLocation,
  withExtension,
} from '../../src-main/infra/files/file-locations';
import { createFileRegistry } from '../../src-main/infra/files/file-registry';
import { createTestFiles } from '../helpers/file-picks';

describe('where saved files go', () => {
  it('starts in Documents, else home, and never in the data folder', () => {
    expect(
      defaultSaveFolder({
        documents: '/home/sam/Documents',
        home: '/home/sam',
        dataDir: '/home/sam/.config/Stillroom',
      }),
    ).toBe('/home/sam/Documents');
    // A data folder set to Documents itself (STILLROOM_DATA_DIR): the dialog starts at home instead.
    expect(
      defaultSaveFolder({
        documents: '/home/sam/Documents',
        home: '/home/sam',
        dataDir: '/home/sam/Documents',
      }),
    ).toBe('/home/sam');
    expect(
      defaultSaveFolder({ documents: '/data/Documents', home: '/data', dataDir: '/data' }),
    ).toBeUndefined();
    expect(defaultSaveFolder({ documents: undefined, home: 'relative', dataDir: '/x' })).toBeUndefined();
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a folder that only links into the data folder (erase would take the file with it)',
    () => {
      const root = mkdtempSync(join(tmpdir(), 'stillroom-links-'));
      const dataDir = join(root, 'data');
      mkdirSync(join(dataDir, 'inner'), { recursive: true });
      symlinkSync(join(dataDir, 'inner'), join(root, 'looks-outside'));
      expect(refusedSaveLocation(join(root, 'looks-outside', 'everything.age'), dataDir)).toMatch(
        /data folder/,
      );
      // The data folder reached through a link of its own is the same folder.
      symlinkSync(dataDir, join(root, 'data-link'));
      expect(refusedSaveLocation(join(root, 'data', 'x.age'), join(root, 'data-link'))).toMatch(
        /data folder/,
      );
      expect(refusedSaveLocation(join(root, 'everything.age'), dataDir)).toBeUndefined();
    },
  );

  it('refuses a place inside the data folder, and only there', () => {
    expect(
      refusedSaveLocation(
        '/home/sam/.config/Stillroom/backups/b.stillroom-backup',
        '/home/sam/.config/Stillroom',
      ),
    ).toMatch(/data folder/);
    expect(
      refusedSaveLocation('/home/sam/.config/Stillroom/../Stillroom/vault.db', '/home/sam/.config/Stillroom'),
    ).toMatch(/data folder/);
    expect(
      refusedSaveLocation('/home/sam/.config/Stillroom-other/b', '/home/sam/.config/Stillroom'),
    ).toBeUndefined();
    expect(refusedSaveLocation('b.stillroom-backup', '/x')).toMatch(/Choose the place again/);
    expect(isInside('/a/b', '/a')).toBe(true);
    expect(isInside('/ab', '/a')).toBe(false);
  });

  it('adds the extension a Linux dialog leaves off, whatever its case', () => {
    expect(withExtension('/d/backup', '.stillroom-backup')).toBe('/d/backup.stillroom-backup');
    expect(withExtension('/d/SHARE.AGE', '.age')).toBe('/d/SHARE.AGE');
  });
});

describe('the file registry', () => {
  it('never writes over a file nobody chose when it adds the extension', async () => {
    const files = createTestFiles();
    writeFileSync(join(files.documents, 'plan.ics'), 'someone else’s calendar');
    const id = await files.save('calendar', join(files.documents, 'plan'));
    const saved = files.registry.target(id, 'calendar').write(new TextEncoder().encode('BEGIN:VCALENDAR'));
    expect(saved.name).toBe('plan-2.ics');
    expect(readFileSync(join(files.documents, 'plan.ics'), 'utf8')).toBe('someone else’s calendar');
  });

  it('keeps an upload for one kind only, cleans its name, and forgets it after half an hour', () => {
    let now = 0;
    const registry = createFileRegistry({
      dataDir: mkdtempSync(join(tmpdir(), 'sr-')),
      clock: { now: () => now },
    });
    const picked = registry.addUpload('share', '../../etc/\u0000pass\nwd.age', new Uint8Array([1, 2, 3]));
    expect(picked.name).toBe('....etcpasswd.age');
    expect(registry.opened(picked.id, 'share').read()).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => registry.opened(picked.id, 'backup')).toThrow(/Choose it again/);
    now += 31 * 60 * 1000;
    expect(() => registry.opened(picked.id, 'share')).toThrow(/Choose it again/);
  });

  it('hands a browser download over once, and only after it was written', async () => {
    const registry = createFileRegistry({
      dataDir: mkdtempSync(join(tmpdir(), 'sr-')),
      clock: { now: () => 0 },
    });
    const target = await registry.chooseSave('backup', 'b.stillroom-backup');
    if (!target) throw new Error('no target');
    expect(target.folder).toBeNull();
    expect(registry.takeDownload(target.id)).toBeUndefined();
    registry.target(target.id, 'backup').write(new Uint8Array([9]));
    expect(registry.takeDownload(target.id)?.bytes).toEqual(new Uint8Array([9]));
    expect(registry.takeDownload(target.id)).toBeUndefined();
    expect(registry.reveal(target.id)).toBe(false);
    await expect(registry.chooseOpen('backup')).rejects.toThrow(/uploads/);
  });
});
