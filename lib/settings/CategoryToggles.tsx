import { categories, categoryInfo } from '../catalog/category';
import type { Settings } from './schema';

interface CategoryTogglesProps {
  legend: string;
  value: Settings['categories'];
  /** Called with the change a toggle makes, to apply to the stored settings. */
  save(change: (settings: Settings) => Settings): void;
}

/** One checkbox per kind of entity; shared by the popup and the options page. */
export function CategoryToggles({ legend, value, save }: CategoryTogglesProps) {
  return (
    <fieldset class="categories">
      <legend>{legend}</legend>
      {categories.map((category) => (
        <label class="check" key={category} data-category={category}>
          <input
            type="checkbox"
            name="category"
            value={category}
            checked={value[category]}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              save((s) => ({ ...s, categories: { ...s.categories, [category]: on } }));
            }}
          />
          {categoryInfo[category].plural}
        </label>
      ))}
    </fieldset>
  );
}
